package org.independentstudy.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An analyst deploys an edited diagram through /engine-rest, as Camunda Modeler does: a broken edit is refused
 * with its element named and cases go on as before; a valid one runs new cases while running ones keep their
 * version until the analyst migrates them.
 */
@IntegrationTest
class AnalystDeploymentTest {

    private static final Path CASE_DIAGRAM = Path.of("processes/independent-study-case.bpmn");
    private static final String DEPLOYMENT_NAME = "independent-study-case (analyst edit)";
    private static final String REGISTER_TASK = """
            <bpmn:serviceTask id="registerFamilyRequest" name="Register the family's request" \
            camunda:delegateExpression="${registerFamilyRequest}">""";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents students;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @BeforeEach
    void clock() {
        // the demo request's dates are in fall 2026
        FixedEngineClock.setClock(ZonedDateTime.of(2026, 9, 1, 9, 0, 0, 0, FixedEngineClock.DISTRICT));
    }

    @AfterEach
    void deleteTheEdits() {
        // with the instances on it, without their listeners: the shared context goes on with the original diagram
        repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).list()
                .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true, true, true));
    }

    @Test
    @DisplayName("Issue 12.7 a diagram naming a bean that does not exist is refused at deployment with a 400 naming the element; nothing is deployed and new cases run on the version before")
    @SuppressWarnings("unchecked")
    void brokenEditIsRefused() throws IOException {
        String before = latestCaseDefinition().getId();
        String broken = edit(REGISTER_TASK.replace("${registerFamilyRequest}", "${registerFamilyRequestV2}"));

        ResponseEntity<Map> refused = deployAsAnalyst(broken, true);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).containsEntry("type", "ParseException");
        assertThat((String) refused.getBody().get("message")).contains("Deployment refused")
                .contains("serviceTask 'registerFamilyRequest'").contains("no bean named 'registerFamilyRequestV2'");
        Map<String, Map<String, List<Map<String, Object>>>> details =
                (Map<String, Map<String, List<Map<String, Object>>>>) refused.getBody().get("details");
        assertThat(details.get("independent-study-case.bpmn").get("errors")).singleElement()
                .satisfies(error -> assertThat(error).containsEntry("mainElementId", "registerFamilyRequest"));
        assertThat(repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME).count()).isZero();
        assertThat(latestCaseDefinition().getId()).isEqualTo(before);

        assertThat(processOf(startCase()).getProcessDefinitionId()).isEqualTo(before);
    }

    @Test
    @DisplayName("Issue 12.7 a diagram deployed alone, without the forms and processes it binds to its own deployment, is refused with a 400 naming each element")
    @SuppressWarnings("unchecked")
    void diagramWithoutItsFormsAndCalledProcessesIsRefused() throws IOException {
        ResponseEntity<Map> refused = deployAsAnalyst(Files.readString(CASE_DIAGRAM), false);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message"))
                .contains("userTask 'determineIepParticipation'")
                .contains("camunda:formRef 'determine-iep-participation' is not the id of a form in forms/ deployed "
                        + "with this diagram")
                .contains("callActivity 'draftAndSignAgreement'")
                .contains("calledElement 'written-agreement' is not the id of a process deployed with this diagram");
        Map<String, Map<String, List<Map<String, Object>>>> details =
                (Map<String, Map<String, List<Map<String, Object>>>>) refused.getBody().get("details");
        assertThat(details.get("independent-study-case.bpmn").get("errors"))
                .extracting(error -> error.get("mainElementId"))
                .contains("familyRequestReceived", "determineIepParticipation", "draftAndSignAgreement");
    }

    @Test
    @DisplayName("Issue 12.7 an analyst's valid edit runs new cases while a running case keeps its version, until the analyst migrates it through /engine-rest")
    @SuppressWarnings("unchecked")
    void validEditRunsNewCasesAndRunningOnesMigrate() throws IOException {
        ProcessDefinition before = latestCaseDefinition();
        ProcessInstance running = processOf(startCase());
        List<String> waitingAt = activeSteps(running);
        assertThat(waitingAt).isNotEmpty();

        ResponseEntity<Map> deployed = deployAsAnalyst(edit(REGISTER_TASK.replace("Register the family's request",
                "Register the family's request (edited)")), true);

        assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
        ProcessDefinition edited = latestCaseDefinition();
        assertThat(edited.getDeploymentId()).isEqualTo(deployed.getBody().get("id"));
        assertThat(edited.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(processOf(startCase()).getProcessDefinitionId()).isEqualTo(edited.getId());
        assertThat(processOf(running).getProcessDefinitionId()).isEqualTo(before.getId());

        ResponseEntity<Map> plan = as(rest, "analyst").postForEntity("/engine-rest/migration/generate",
                Map.of("sourceProcessDefinitionId", before.getId(), "targetProcessDefinitionId", edited.getId(),
                        "updateEventTriggers", true), Map.class);
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> migrated = as(rest, "analyst").postForEntity("/engine-rest/migration/execute",
                Map.of("migrationPlan", plan.getBody(), "processInstanceIds", List.of(running.getId())),
                String.class);

        assertThat(migrated.getStatusCode()).as(migrated.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(processOf(running).getProcessDefinitionId()).isEqualTo(edited.getId());
        assertThat(activeSteps(running)).isEqualTo(waitingAt);
        assertThat(as(rest, "analyst").getForEntity("/api/cases/" + running.getBusinessKey(), String.class)
                .getStatusCode()).as("analysts still read no case").isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * One multipart request, as README "Deploying an edited diagram" shows: the edited case diagram with the rest of
     * processes/ and forms/ (our diagrams bind their forms and called processes to their own deployment), or alone.
     */
    private ResponseEntity<Map> deployAsAnalyst(String caseDiagram, boolean withTheRest) throws IOException {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", DEPLOYMENT_NAME);
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("diagram", file(CASE_DIAGRAM.getFileName().toString(), caseDiagram.getBytes()));
        if (withTheRest) {
            List<Path> others = new ArrayList<>(ProcessModelRulesTest.files(Path.of("processes"), ".bpmn"));
            others.addAll(ProcessModelRulesTest.files(Path.of("processes"), ".dmn"));
            others.addAll(ProcessModelRulesTest.files(Path.of("forms"), ".form"));
            others.remove(CASE_DIAGRAM);
            for (Path other : others) {
                String name = other.getFileName().toString();
                parts.add(name, file(name, Files.readAllBytes(other)));
            }
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(rest, "analyst").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers),
                Map.class);
    }

    private static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private static String edit(String registerTask) throws IOException {
        String original = Files.readString(CASE_DIAGRAM);
        assertThat(original).contains(REGISTER_TASK);
        return original.replace(REGISTER_TASK, registerTask);
    }

    /** A family's request entered by a counselor through our API; the case's id is its process's business key. */
    @SuppressWarnings("unchecked")
    private String startCase() {
        ResponseEntity<Map> created = as(rest, "counselor").postForEntity("/api/cases",
                students.requestForNewStudentLike("S100009").build(), Map.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").toString();
    }

    private ProcessInstance processOf(String caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
                .processInstanceBusinessKey(caseId).singleResult();
    }

    private ProcessInstance processOf(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    }

    private List<String> activeSteps(ProcessInstance instance) {
        return runtime.getActiveActivityIds(instance.getId()).stream().sorted().toList();
    }

    private ProcessDefinition latestCaseDefinition() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
                .latestVersion().singleResult();
    }
}
