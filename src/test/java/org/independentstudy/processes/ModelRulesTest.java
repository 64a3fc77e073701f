package org.independentstudy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model checks name what an analyst broke, element by element. */
class ModelRulesTest {

    private final ModelRules rules = new ModelRules(Set.of("verifyContactInformation")::contains,
            Set.of("review-case"));

    @Test
    @DisplayName("a broken diagram is reported with each element and what is wrong with it")
    void brokenDiagramIsReportedElementByElement() {
        assertThat(rules.bpmnProblems(Path.of("src/test/resources/broken-models/broken.bpmn")))
                .anySatisfy(p -> assertThat(p).contains("brokenProcess").contains("historyTimeToLive"))
                .anySatisfy(p -> assertThat(p).contains("'Activity_0abc123' (Check contact)").contains("Modeler default"))
                .anySatisfy(p -> assertThat(p).contains("'Activity_0abc123'").contains("no bean named 'noSuchBean'"))
                .anySatisfy(p -> assertThat(p).contains("'notifyParent'").contains("not a class"))
                .anySatisfy(p -> assertThat(p).contains("'reviewCase'").contains("'no-such-form' is not the id of a form"))
                .anySatisfy(p -> assertThat(p).contains("'decideOutcome'").contains("no camunda:formRef"))
                .hasSize(6);
    }
}
