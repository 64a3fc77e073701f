package org.independentstudy.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Camunda Forms in forms/ as staff meet them in Tasklist (form-js 1.8.7): what the server refuses is marked on
 * the form, dates that make no sense are pointed out at their field, and every task leads to its case.
 */
class TaskFormsTest {

    /** The fields each form's listener or service refuses when empty (the server's checks, named by key). */
    private static final Map<String, List<String>> REQUIRED_BY_THE_SERVER = Map.ofEntries(
            Map.entry("complete-case-records", List.of("closingDecision", "closingNote")),
            Map.entry("decide-evaluation-outcome", List.of("evaluationOutcome", "outcomeNotes")),
            Map.entry("decide-reengagement-outcome", List.of("reengagementDecision")),
            Map.entry("decide-unsigned-agreement", List.of("unsignedAgreementDecision", "decisionNote")),
            Map.entry("draft-agreement", List.of("startDate", "endDate", "supervisingTeacher", "submissionAndReporting",
                    "studyObjectivesAndMethods", "evaluationMethods", "resourcesProvided", "creditsOrAccomplishments",
                    "supports", "courses", "progressMeasurement")),
            Map.entry("escalate-unsigned-agreement", List.of("escalationNote")),
            Map.entry("evaluation-follow-up", List.of("followUpNote")),
            Map.entry("family-request", List.of("student", "requesterGuardianId", "receivedVia", "reason",
                    "requestedStart", "projectedEnd", "preferredPlacement")),
            Map.entry("hand-over-records", List.of("returnStepNote")),
            Map.entry("hold-reengagement-conference", List.of("conferenceHeldOn")),
            Map.entry("place-student-in-classroom", List.of("classSchedule", "classroomTeacher", "firstDayInClass")),
            Map.entry("plan-reengagement-outreach", List.of("needsAssessment")),
            Map.entry("reach-family-without-email", List.of("familyReachedBy", "familyReachedNote")),
            Map.entry("record-pre-enrollment-conference", List.of("conferenceOutcome", "conferenceHeldOn",
                    "optionsCovered", "curriculumCovered", "supportsCovered", "advocateAttended", "conferenceAdvocate")),
            Map.entry("request-pre-enrollment-conference", List.of("student")),
            Map.entry("request-return-to-classroom", List.of("student")),
            Map.entry("return-deadline-escalation", List.of("returnStepNote")),
            Map.entry("schedule-pre-enrollment-conference", List.of("conferenceModality", "conferenceDate",
                    "conferenceAttendees", "conferenceAdvocate")));

    private static final Map<String, JsonNode> FORMS = new LinkedHashMap<>();
    private static final Set<String> TASK_FORMS = new HashSet<>();
    private static final Set<String> START_FORMS = new HashSet<>();

    @BeforeAll
    static void readFormsAndDiagrams() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (Path form : ProcessModelRulesTest.files(Path.of("forms"), ".form")) {
            JsonNode schema = json.readTree(form.toFile());
            FORMS.put(schema.path("id").asText(), schema);
        }
        for (Path diagram : ProcessModelRulesTest.files(Path.of("processes"), ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(diagram.toFile());
            model.getModelElementsByType(UserTask.class).forEach(t -> TASK_FORMS.add(t.getCamundaFormRef()));
            model.getModelElementsByType(StartEvent.class).stream().filter(e -> e.getCamundaFormRef() != null)
                    .forEach(e -> START_FORMS.add(e.getCamundaFormRef()));
        }
    }

    @Test
    @DisplayName("Issue 12.5 every task form opens with a link to its case page (/desk/cases/{{caseId}}); start forms, before any case exists, have none")
    void everyTaskFormLinksToItsCase() {
        assertThat(TASK_FORMS).isNotEmpty().doesNotContainAnyElementsOf(START_FORMS);
        List<String> without = new ArrayList<>();
        TASK_FORMS.forEach(id -> {
            JsonNode first = FORMS.get(id).path("components").get(0);
            if (!"text".equals(first.path("type").asText())
                    || !first.path("text").asText().startsWith("[Open the case page](/desk/cases/{{caseId}})")) {
                without.add(id);
            }
        });
        assertThat(without).as("task forms whose first component is not the case link").isEmpty();
        START_FORMS.forEach(id -> assertThat(FORMS.get(id).toString()).as(id).doesNotContain("{{caseId}}"));
    }

    @Test
    @DisplayName("Issue 12.4 AGR-08 the staff signing form links to the agreement's PDF, the version they sign, next to the case page")
    void signingFormLinksToTheAgreement() {
        assertThat(FORMS.get("sign-agreement").path("components").get(0).path("text").asText())
                .contains("(/api/cases/{{caseId}}/agreement.pdf)");
    }

    @Test
    @DisplayName("Issue 12.5 every field the server refuses empty is marked required on its form")
    void serverRequiredFieldsAreMarked() {
        List<String> unmarked = new ArrayList<>();
        REQUIRED_BY_THE_SERVER.forEach((formId, keys) -> keys.forEach(key -> {
            JsonNode field = field(formId, key);
            if (field == null || !field.path("validate").path("required").asBoolean()) {
                unmarked.add(formId + ": " + key);
            }
        }));
        assertThat(unmarked).as("fields the server requires, not marked required").isEmpty();
    }

    @Test
    @DisplayName("Issue 12.5 ENR-01 ENR-02 REE-08 a day held or received after today is pointed out right under its field, as form-js has no latest date")
    void futureDatesArePointedOutAtTheirField() {
        Map<String, String> dates = Map.of("record-pre-enrollment-conference", "conferenceHeldOn",
                "hold-reengagement-conference", "conferenceHeldOn", "family-request", "receivedOn");
        dates.forEach((formId, key) -> {
            List<JsonNode> components = new ArrayList<>();
            FORMS.get(formId).path("components").forEach(components::add);
            int at = components.indexOf(field(formId, key));
            JsonNode warning = components.get(at + 1);
            assertThat(warning.path("type").asText()).as(formId).isEqualTo("text");
            assertThat(warning.path("conditional").path("hide").asText()).as(formId)
                    .contains("not(date(" + key + ") > today())");
        });
    }

    @Test
    @DisplayName("Issue 12.5 AGR-11 AGR-08 the drafting form offers the credentialed teachers to choose from, and shows why a draft came back")
    void draftingFormChoosesTheTeacherAndShowsWhyItCameBack() {
        JsonNode teacher = field("draft-agreement", "supervisingTeacher");
        assertThat(teacher.path("type").asText()).isEqualTo("select");
        assertThat(teacher.has("values")).isFalse();
        assertThat(teacher.path("valuesExpression").asText()).contains("split(supervisingTeacherChoices, \"\\n\")");
        assertThat(FORMS.get("draft-agreement").toString()).contains("{{draftReturnedBecause}}");
    }

    private static JsonNode field(String formId, String key) {
        for (JsonNode component : FORMS.get(formId).path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        return null;
    }
}
