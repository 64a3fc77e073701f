package org.independentstudy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.independentstudy.process.ModelProblem;
import org.independentstudy.process.ModelReferences;
import org.independentstudy.process.ModelRules;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Protects analysts' edits: every model in processes/ follows {@link ModelRules} against the application's
 * real beans, the forms in forms/ and the decisions in processes/, so a broken edit fails the build, not a
 * student's case at run time (the engine applies the same rules to every deployment, ModelRulesAtDeploymentTest).
 */
@IntegrationTest
class ProcessModelRulesTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("every BPMN diagram names its elements, uses existing beans, forms, decisions and called processes, and has a history time to live")
    void bpmnModelsFollowTheProjectRules() throws IOException {
        List<Path> diagrams = files(PROCESSES, ".bpmn");
        assertThat(diagrams).as("diagrams in processes/").isNotEmpty();
        ModelRules rules = rules();
        List<ModelProblem> problems = new ArrayList<>();
        diagrams.forEach(d -> problems.addAll(rules.bpmnProblems(d.getFileName().toString(),
                Bpmn.readModelFromFile(d.toFile()))));
        assertThat(problems).as("problems in processes/*.bpmn").isEmpty();
    }

    @Test
    @DisplayName("AGR-07 ENR-02 nobody is ever stuck: every wait state of every process has a person's task, a timer or a message a named class sends")
    void everyWaitStateHasAnOwner() throws IOException {
        List<Path> diagrams = files(PROCESSES, ".bpmn");
        WaitStateOwners owners = new WaitStateOwners(ProcessModelRulesTest::sourceSends);
        List<String> problems = new ArrayList<>();
        diagrams.forEach(d -> problems.addAll(owners.problems(d)));
        assertThat(problems).as("wait states without an owner in processes/*.bpmn").isEmpty();
    }

    @Test
    @DisplayName("every step of every process documents its rule IDs for analysts (ENR, AGR...)")
    void everyStepDocumentsItsRules() throws IOException {
        List<String> problems = new ArrayList<>();
        files(PROCESSES, ".bpmn").forEach(d -> problems.addAll(StepDocumentation.undocumentedSteps(d)));
        assertThat(problems).as("steps without rule IDs in processes/*.bpmn").isEmpty();
    }

    /** The named class is one of ours and its source sends that message name. */
    static boolean sourceSends(String className, String messageName) {
        Path source = Path.of("src/main/java", className.replace('.', '/') + ".java");
        try {
            return Files.isRegularFile(source) && Files.readString(source).contains('"' + messageName + '"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("every DMN decision has a history time to live and a named id")
    void dmnModelsFollowTheProjectRules() throws IOException {
        ModelRules rules = rules();
        List<ModelProblem> problems = new ArrayList<>();
        files(PROCESSES, ".dmn").forEach(d -> problems.addAll(rules.dmnProblems(d.getFileName().toString(),
                Dmn.readModelFromFile(d.toFile()))));
        assertThat(problems).as("problems in processes/*.dmn").isEmpty();
    }

    /** The application deploys processes/ and forms/ as one deployment at start-up. */
    private ModelRules rules() throws IOException {
        return new ModelRules(ModelReferences.oneDeployment(context::containsBean, formIds(FORMS),
                decisionIds(files(PROCESSES, ".dmn")), processIds(files(PROCESSES, ".bpmn"))));
    }

    /** The processes and decisions among the models, by id, as the engine keys them. */
    private static Set<String> processIds(List<Path> diagrams) {
        return diagrams.stream().flatMap(d -> Bpmn.readModelFromFile(d.toFile())
                .getModelElementsByType(Process.class).stream()).map(Process::getId).collect(Collectors.toSet());
    }

    private static Set<String> decisionIds(List<Path> tables) {
        return tables.stream().flatMap(t -> Dmn.readModelFromFile(t.toFile())
                .getModelElementsByType(Decision.class).stream()).map(Decision::getId).collect(Collectors.toSet());
    }

    static Set<String> formIds(Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (Path form : files(folder, ".form")) {
            String id = json.readTree(form.toFile()).path("id").asText(null);
            assertThat(id).as("id of form " + form).isNotBlank();
            ids.add(id);
        }
        return ids;
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
