package org.independentstudy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.independentstudy.process.ModelProblem;
import org.independentstudy.process.ModelReferences;
import org.independentstudy.process.ModelReferences.Definitions;
import org.independentstudy.process.ModelRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The model checks name what an analyst broke, element by element. */
class ModelRulesTest {

    private final ModelRules rules = new ModelRules(ModelReferences.oneDeployment(
            Set.of("verifyContactInformation")::contains, Set.of("review-case"), Set.of("gradeSpanRequirements"),
            Set.of("brokenProcess")));

    @Test
    @DisplayName("a broken diagram is reported with each element and what is wrong with it")
    void brokenDiagramIsReportedElementByElement() {
        assertThat(rules.bpmnProblems("broken.bpmn",
                Bpmn.readModelFromFile(new File("src/test/resources/broken-models/broken.bpmn"))))
                .allSatisfy(p -> assertThat(p.toString()).startsWith("broken.bpmn ").contains(p.elementId()))
                .extracting(ModelProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("brokenProcess").contains("historyTimeToLive"))
                .anySatisfy(p -> assertThat(p).contains("'Activity_0abc123' (Check contact)").contains("Modeler default"))
                .anySatisfy(p -> assertThat(p).contains("'Activity_0abc123'").contains("no bean named 'noSuchBean'"))
                .anySatisfy(p -> assertThat(p).contains("'notifyParent'").contains("not a class"))
                .anySatisfy(p -> assertThat(p).contains("'reviewCase'").contains("'no-such-form' is not the id of a form"))
                .anySatisfy(p -> assertThat(p).contains("'decideOutcome'").contains("no camunda:formRef"))
                .anySatisfy(p -> assertThat(p).contains("'applyStandard'")
                        .contains("'noSuchDecision' is not the id of a decision"))
                .anySatisfy(p -> assertThat(p).contains("'callMissing'").contains("'noSuchProcess' is not the id of a process"))
                .hasSize(8);
    }

    @Test
    @DisplayName("a form bound to its deployment must come with the diagram; one bound to the latest version may have been deployed before")
    void formBindingDecidesWhereTheFormMustBe() {
        ModelRules deployingAlone = new ModelRules(new ModelReferences(bean -> true,
                new Definitions(Set.of(), Set.of("review-case")::contains), Definitions.only(Set.of()),
                Definitions.only(Set.of())));
        assertThat(deployingAlone.bpmnProblems("edit.bpmn", withReviewForm("deployment"))).singleElement()
                .satisfies(p -> assertThat(p.elementId()).isEqualTo("reviewCase"))
                .satisfies(p -> assertThat(p.message()).contains("'review-case'").contains("deployed with this diagram"));
        assertThat(deployingAlone.bpmnProblems("edit.bpmn", withReviewForm("latest"))).isEmpty();
    }

    private static BpmnModelInstance withReviewForm(String binding) {
        return Bpmn.createExecutableProcess("reviewProcess").camundaHistoryTimeToLive(30)
                .startEvent("caseOpened")
                .userTask("reviewCase").camundaFormRef("review-case").camundaFormRefBinding(binding)
                .endEvent("caseReviewed").done();
    }

    @Test
    @DisplayName("AGR-07 a wait state with nobody to move it on is reported: a task nobody can do, a message nobody sends")
    void unownedWaitStatesAreReported() {
        WaitStateOwners owners = new WaitStateOwners(
                (sender, message) -> sender.endsWith(".FamilySigning") && message.equals("familySigned"));
        assertThat(owners.problems(Path.of("src/test/resources/broken-models/unowned.bpmn")))
                .anySatisfy(p -> assertThat(p).contains("'reviewAlone'").contains("nobody can do"))
                .anySatisfy(p -> assertThat(p).contains("'awaitForever'").contains("names no sender"))
                .anySatisfy(p -> assertThat(p).contains("'awaitWrongSender'").contains("does not send 'neverSent'"))
                .hasSize(3);
    }

    @Test
    @DisplayName("AGR-07 a documented message, a timer and a candidate group each own a wait state")
    void ownedWaitStatesPass() {
        WaitStateOwners owners = new WaitStateOwners(
                (sender, message) -> sender.endsWith(".FamilySigning") && message.equals("familySigned"));
        assertThat(owners.problems(Path.of("src/test/resources/broken-models/unowned.bpmn")))
                .noneSatisfy(p -> assertThat(p).containsAnyOf("'reviewByCounselor'", "'awaitSignature'",
                        "'waitTwoDays'"));
    }

    @Test
    @DisplayName("a step without its rule IDs is reported for analysts")
    void undocumentedStepsAreReported() {
        assertThat(StepDocumentation.undocumentedSteps(Path.of("src/test/resources/broken-models/unowned.bpmn")))
                .anySatisfy(p -> assertThat(p).contains("'reviewAlone'").contains("rule IDs"))
                .noneSatisfy(p -> assertThat(p).contains("'reviewByCounselor'"));
    }
}
