package org.independentstudy.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.independentstudy.enrollment.ResourceNeeds;
import org.independentstudy.records.CaseRepository;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The case API: from the family's request to "ready for agreement", bad requests, and who may read cases. */
@IntegrationTest
class CasesApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents students;
    @Autowired
    ObjectMapper json;
    @Autowired
    CaseRepository cases;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-01T16:00:00Z")));
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    @Test
    @DisplayName("TRN-02 ENR-02 over REST a counselor records that the family withdrew its request: the case view shows it closed with no open task; teachers and analysts may not (403); an unknown reason is a 400, a closed case a 409")
    @SuppressWarnings("unchecked")
    void familyWithdrawsOverRest() {
        ResponseEntity<Map> created = as(rest, "counselor").postForEntity("/api/cases",
                students.requestForNewStudentLike("S100009").build(), Map.class);
        String leave = created.getHeaders().getLocation() + "/disenrolment";
        Map<String, Object> withdrawal = Map.of("reason", "WITHDRAWN", "note", "The family found a tutor instead");

        for (String other : List.of("teacher", "analyst")) {
            assertThat(as(rest, other).postForEntity(leave, withdrawal, String.class).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<Map> unknown = as(rest, "counselor").postForEntity(leave, Map.of("reason", "MOVED",
                "note", "x"), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> closed = as(rest, "counselor").postForEntity(leave, withdrawal, Map.class);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody()).containsEntry("phase", "CLOSED");
        assertThat((List<Object>) closed.getBody().get("openTasks")).isEmpty();
        assertThat(as(rest, "counselor").postForEntity(leave, withdrawal, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @DisplayName("TRN-01 a return to the classroom is asked for during an active placement only (409 before), by counselors, principals and admins (403 for teachers)")
    void returnRequestOverRest() {
        ResponseEntity<Map> created = as(rest, "counselor").postForEntity("/api/cases",
                students.requestForNewStudentLike("S100009").build(), Map.class);
        String returnRequest = created.getHeaders().getLocation() + "/return-request";
        Map<String, Object> body = Map.of("note", "The parent called");

        assertThat(as(rest, "teacher").postForEntity(returnRequest, body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "counselor").postForEntity(returnRequest, body, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @DisplayName("ENR-02 end to end: request with a conference, scheduled and held in Tasklist while the agreement is drafted; ENR-10 device needs recorded, never refused")
    void requestToReadyForAgreement() {
        RequestBuilder request = students.requestForNewStudentLike("S100009").dates(LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 10, 12)).withConference(false);
        request.needs = new ResourceNeeds(true, true, null);

        ResponseEntity<Map> created = as(rest, "counselor").postForEntity("/api/cases", request.build(), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> view = created.getBody();
        Number caseId = (Number) view.get("id");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/cases/" + caseId);
        // eligibility decided, the agreement is drafted while the conference is pending (ENR-02: not sent before)
        assertThat(view.get("phase")).isEqualTo("AGREEMENT");
        assertThat((Map<String, Object>) view.get("policy")).containsEntry("code", "BP6158-2022");
        assertThat((Map<String, Object>) view.get("placement")).containsEntry("program", "TRADITIONAL")
                .containsEntry("longTerm", true).containsEntry("projectedSchoolDays", 20);
        List<Map<String, Object>> open = (List<Map<String, Object>>) view.get("openTasks");
        assertThat(open).extracting(task -> task.get("step"))
                .containsExactlyInAnyOrder("schedulePreEnrollmentConference", "draftAgreement");
        assertThat(open).filteredOn(task -> task.get("step").equals("schedulePreEnrollmentConference"))
                .singleElement().satisfies(task -> {
                    assertThat(task).containsEntry("candidateGroups", List.of("counselors"));
                    assertThat(task.get("due")).isNotNull();
                });
        assertThat((List<Map<String, Object>>) view.get("deadlines"))
                .anySatisfy(d -> assertThat(d).containsEntry("step", "conferenceSchedulingOverdue"));
        assertThat(timeline(view)).anySatisfy(e -> assertThat(e).containsEntry("step", "familyRequestReceived")
                .containsEntry("actor", "counselor").containsEntry("rule", "ENR-01"));

        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString())
                .processDefinitionKey("independent-study-case").singleResult().getId();
        // the counselor works the conference tasks in Tasklist: the engine checks the candidate group
        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(process).singleResult().getId(), Map.of(
                "conferenceModality", "VIDEOCONFERENCE", "conferenceDate", "2026-09-01",
                "conferenceAttendees", "Parent, student, counselor"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(process).singleResult().getId(), Map.of(
                "conferenceOutcome", "HELD", "conferenceHeldOn", "2026-09-01", "optionsCovered", true,
                "curriculumCovered", true, "supportsCovered", true, "questionsAsked", "Who provides the laptop?"));
        identity.clearAuthentication();

        Map<String, Object> ready = as(rest, "principal").getForObject("/api/cases/" + caseId, Map.class);
        // ready for agreement, and at once in the agreement phase: its drafting task is the case's open task
        assertThat(ready.get("phase")).isEqualTo("AGREEMENT");
        assertThat(timeline(ready)).anySatisfy(e -> assertThat(e).containsEntry("step", "readyForAgreement"));
        assertThat((List<Map<String, Object>>) ready.get("openTasks")).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("step", "draftAgreement"));
        assertThat(timeline(ready)).anySatisfy(e -> assertThat(e)
                .containsEntry("step", "preEnrollmentConferenceHeld").containsEntry("actor", "counselor")
                .containsEntry("rule", "ENR-02"));
        assertThat((Map<String, Object>) ready.get("resourceNeeds")).containsEntry("device", true)
                .containsEntry("internetAccess", true);
    }

    @Test
    @DisplayName("ENR-02 a parent's later conference request: POST /api/cases/{id}/conference-request starts the scheduling; a second while it is pending is a 409; bad input 400; unknown case 404; teachers and analysts 403")
    void laterConferenceRequest() {
        Map<String, Object> created = as(rest, "counselor").postForObject("/api/cases", request("S100010"), Map.class);
        String url = "/api/cases/" + created.get("id") + "/conference-request";
        Map<String, Object> body = Map.of("modality", "VIDEOCONFERENCE", "advocateRequested", true);
        assertThat(as(rest, "teacher").postForEntity(url, body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "analyst").postForEntity(url, body, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> requested = as(rest, "counselor").postForEntity(url, body, Map.class);

        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> view = requested.getBody();
        assertThat((List<Map<String, Object>>) view.get("openTasks"))
                .extracting(task -> task.get("step")).contains("schedulePreEnrollmentConference", "draftAgreement");
        assertThat(timeline(view)).anySatisfy(e -> assertThat(e)
                .containsEntry("step", "preEnrollmentConferenceRequested").containsEntry("rule", "ENR-02")
                .containsEntry("actor", "counselor"));
        ResponseEntity<Map> again = as(rest, "counselor").postForEntity(url, body, Map.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) again.getBody().get("detail")).contains("still pending");
        assertThat(as(rest, "counselor").postForEntity(url, Map.of("modality", "CARRIER_PIGEON"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(rest, "counselor").postForEntity("/api/cases/999999/conference-request", body, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @ParameterizedTest(name = "{0}: 400 naming {2}")
    @CsvSource({
            "unknown student, student=S999999, student",
            "requester not the student's guardian, requesterGuardianId=OTHER, requester",
            "no family requester, requesterGuardianId=, requester",
            "end before start, projectedEnd=2026-09-10, projectedEnd",
            "start outside every calendar, requestedStart=2028-09-14, requestedStart",
            "missing reason, reason=, reason"})
    @DisplayName("ENR-01 bad requests get a problem detail naming the problem and create nothing")
    void badRequestsCreateNothing(String problem, String change, String field) {
        Map<String, Object> body = request("S100010");
        String[] keyValue = change.split("=", 2);
        Object value = keyValue[1].isEmpty() ? null
                : "OTHER".equals(keyValue[1]) ? students.parentOf("S100011").getId() : keyValue[1];
        body.put(keyValue[0], value);
        long casesBefore = cases.count();
        long processesBefore = runtime.createProcessInstanceQuery().count();

        ResponseEntity<Map> response = as(rest, "counselor").postForEntity("/api/cases", body, Map.class);

        assertThat(response.getStatusCode()).as(problem).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) response.getBody().get("errors")).containsKey(field);
        assertThat(cases.count()).isEqualTo(casesBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    @Test
    @DisplayName("TRN-02 an early end of the placement is recorded by counselors and principals only, and only for an active placement (409 naming the phase otherwise)")
    void placementEndIsForStaffOnActivePlacements() {
        Number caseId = (Number) as(rest, "counselor").postForObject("/api/cases", request("S100013"), Map.class)
                .get("id");
        String url = "/api/cases/" + caseId + "/placement-end";
        Map<String, Object> end = Map.of("lastDay", "2026-09-30", "reason", "DISENROLLED");

        assertThat(as(rest, "teacher").postForEntity(url, end, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "analyst").postForEntity(url, end, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> notActive = as(rest, "principal").postForEntity(url, end, Map.class);
        assertThat(notActive.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) notActive.getBody().get("detail")).contains("only an active placement");
        assertThat(as(rest, "counselor").postForEntity(url, Map.of("lastDay", "not a date"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(rest, "counselor").postForEntity("/api/cases/999999/placement-end", end, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("a student's cases are listed by student number; analysts do not read student records, teachers do not enter requests")
    void listingAndRoles() {
        Map<String, Object> request = request("S100012");
        Number caseId = (Number) as(rest, "counselor").postForObject("/api/cases", request, Map.class).get("id");

        List<Map<String, Object>> listed = as(rest, "teacher").getForObject("/api/cases?student=" + request.get("student"),
                List.class);
        assertThat(listed).anySatisfy(c -> assertThat(c).containsEntry("id", caseId.intValue()));
        assertThat(as(rest, "analyst").getForEntity("/api/cases/" + caseId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "teacher").postForEntity("/api/cases", request("S100012"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "counselor").getForEntity("/api/cases/999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A valid request for a new student like the demo student, as the JSON body a client sends. */
    private Map<String, Object> request(String studentNumber) {
        return json.convertValue(students.requestForNewStudentLike(studentNumber).build(), Map.class);
    }

    private static List<Map<String, Object>> timeline(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("timeline");
    }
}
