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

    @Test
    @DisplayName("AGR-07 a wait state with nobody to move it on is reported: a task nobody can do, a message nobody sends, a call to a missing process")
    void unownedWaitStatesAreReported() {
        WaitStateOwners owners = new WaitStateOwners(
                (sender, message) -> sender.endsWith(".FamilySigning") && message.equals("familySigned"),
                Set.of("unownedProcess"));
        assertThat(owners.problems(Path.of("src/test/resources/broken-models/unowned.bpmn")))
                .anySatisfy(p -> assertThat(p).contains("'reviewAlone'").contains("nobody can do"))
                .anySatisfy(p -> assertThat(p).contains("'awaitForever'").contains("names no sender"))
                .anySatisfy(p -> assertThat(p).contains("'awaitWrongSender'").contains("does not send 'neverSent'"))
                .anySatisfy(p -> assertThat(p).contains("'callMissing'").contains("'noSuchProcess'"))
                .hasSize(4);
    }

    @Test
    @DisplayName("AGR-07 a documented message, a timer and a candidate group each own a wait state")
    void ownedWaitStatesPass() {
        WaitStateOwners owners = new WaitStateOwners(
                (sender, message) -> sender.endsWith(".FamilySigning") && message.equals("familySigned"),
                Set.of("unownedProcess"));
        assertThat(owners.problems(Path.of("src/test/resources/broken-models/unowned.bpmn")))
                .noneSatisfy(p -> assertThat(p).containsAnyOf("'reviewByCounselor'", "'awaitSignature'",
                        "'waitTwoDays'"));
    }

    @Test
    @DisplayName("a step without its rule IDs is reported for analysts")
    void undocumentedStepsAreReported() {
        assertThat(rules.undocumentedSteps(Path.of("src/test/resources/broken-models/unowned.bpmn")))
                .anySatisfy(p -> assertThat(p).contains("'reviewAlone'").contains("rule IDs"))
                .noneSatisfy(p -> assertThat(p).contains("'reviewByCounselor'"));
    }
}
