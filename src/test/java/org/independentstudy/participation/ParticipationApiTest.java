package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.PlacementLifecycle;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class ParticipationApiTest {

    private static final String DAYS = "/api/participation/days";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    PlacementLifecycle lifecycle;

    @Test
    @DisplayName("ATT-01 a teacher posts many students and days in one call; an administrator loads the district's; counselors, principals and analysts may not (403)")
    @SuppressWarnings("rawtypes")
    void bulkEndpoint() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");
        Map<String, Object> days = Map.of("entries", List.of(
                day(placement.caseId(), "2027-01-12", "PARTICIPATORY", 60, 60),
                day(placement.caseId(), "2027-01-13", "PARTICIPATORY", 60, 30)));

        ResponseEntity<Map> recorded = as(rest, "teacher").postForEntity(DAYS, days, Map.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(recorded.getBody()).containsEntry("created", 2).containsEntry("unchanged", 0);
        assertThat(as(rest, "admin").postForEntity(DAYS, days, Map.class).getBody()).containsEntry("unchanged", 2);
        for (String other : List.of("counselor", "principal", "analyst")) {
            assertThat(as(rest, other).postForEntity(DAYS, days, String.class).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    @DisplayName("ATT-01 a bad row, an unknown status, a wrong type or an empty body is a 400 problem naming what is wrong, never a 500")
    @SuppressWarnings({"rawtypes", "unchecked"})
    void badInput() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");

        ResponseEntity<Map> tooMany = as(rest, "teacher").postForEntity(DAYS,
                Map.of("entries", List.of(day(placement.caseId(), "2027-01-12", "PARTICIPATORY", 30, 45))), Map.class);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) tooMany.getBody().get("errors"))
                .containsKey("entries[0].synchronousAttendedMinutes");

        for (String body : List.of("{\"entries\":[{\"caseId\":" + placement.caseId()
                        + ",\"schoolDay\":\"2027-01-12\",\"status\":\"MAYBE\"}]}",
                "{\"entries\":[{\"caseId\":\"abc\",\"schoolDay\":\"2027-01-12\",\"status\":\"PARTICIPATORY\"}]}",
                "{\"entries\":[{\"caseId\":" + placement.caseId() + ",\"schoolDay\":\"2027-02-30\"}]}",
                "{\"entries\":[]}", "{}", "[1,2", "{\"entries\":[null]}")) {
            ResponseEntity<Map> refused = as(rest, "teacher").postForEntity(DAYS, json(body), Map.class);
            assertThat(refused.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(String.valueOf(refused.getBody().get("detail"))).as(body).isNotBlank();
        }
    }

    @Test
    @DisplayName("ATT-05 AGR-10 a teacher gives assignments over REST and a principal approves a longer period; counselors may not give them, teachers may not approve (403)")
    @SuppressWarnings({"rawtypes", "unchecked"})
    void assignmentsEndpoint() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        Map<String, Object> batch = Map.of("assignments", List.of(Map.of("caseId", placement.caseId(),
                "title", "Research paper", "assignedOn", "2027-02-01", "dueOn", "2027-02-15",
                "timeValueMinutes", 600)));

        assertThat(as(rest, "counselor").postForEntity("/api/assignments", batch, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> given = as(rest, "teacher").postForEntity("/api/assignments", batch, Map.class);
        assertThat(given.getStatusCode()).isEqualTo(HttpStatus.OK);
        Object id = ((List<Object>) given.getBody().get("ids")).get(0);
        String approval = "/api/assignments/" + id + "/approval";
        Map<String, String> reason = Map.of("reason", "Two-week research project");
        assertThat(as(rest, "teacher").postForEntity(approval, reason, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "principal").postForEntity(approval, reason, Map.class).getBody())
                .containsEntry("approvedBy", "principal");

        ResponseEntity<Map> refused = as(rest, "teacher").postForEntity("/api/assignments", Map.of("assignments",
                List.of(Map.of("caseId", placement.caseId(), "assignedOn", "2027-02-01"))), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, String>) refused.getBody().get("errors"))
                .containsKeys("assignments[0].title", "assignments[0].dueOn", "assignments[0].timeValueMinutes");
    }

    @Test
    @DisplayName("ATT-01 ATT-03 ATT-05 the case view shows the placement's participation, register total and assignments")
    @SuppressWarnings({"rawtypes", "unchecked"})
    void caseViewSummary() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        as(rest, "teacher").postForEntity(DAYS, Map.of("entries", List.of(
                day(placement.caseId(), "2027-01-12", "PARTICIPATORY", 240, 120),
                Map.of("caseId", placement.caseId(), "schoolDay", "2027-01-13", "status", "NONPARTICIPATORY",
                        "nonparticipatoryReason", "No contact"))), Map.class);
        as(rest, "teacher").postForEntity("/api/assignments", Map.of("assignments", List.of(Map.of(
                "caseId", placement.caseId(), "title", "Essay", "assignedOn", "2027-01-11", "dueOn", "2027-01-14",
                "timeValueMinutes", 60))), Map.class);

        Map<String, Object> summary = (Map<String, Object>) as(rest, "counselor")
                .getForObject("/api/cases/" + placement.caseId(), Map.class).get("participation");
        assertThat(summary).containsEntry("participatoryDays", 1).containsEntry("nonparticipatoryDays", 1)
                .containsEntry("synchronousMinutesAttended", 120).containsEntry("registerDays", 0.5)
                .containsEntry("assignmentsOpen", 1).containsEntry("assignmentsMissed", 0);
    }

    @Test
    @DisplayName("TRN-04 REC-07 a closed case's record is read-only: days and assignments are refused naming the case; a correction is added to its timeline instead")
    @SuppressWarnings({"rawtypes", "unchecked"})
    void closedCaseIsReadOnly() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        lifecycle.end(placement.caseId(), LocalDate.of(2027, 2, 5), Enrollment.EndReason.DISENROLLED);

        ResponseEntity<Map> day = as(rest, "teacher").postForEntity(DAYS, Map.of("entries",
                List.of(day(placement.caseId(), "2027-02-05", "PARTICIPATORY", 60, 60))), Map.class);
        assertThat(day.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(((Map<String, String>) day.getBody().get("errors")).get("entries[0].caseId")).contains("closed");
        ResponseEntity<Map> assignment = as(rest, "teacher").postForEntity("/api/assignments", Map.of("assignments",
                List.of(Map.of("caseId", placement.caseId(), "title", "Late essay", "assignedOn", "2027-02-01",
                        "dueOn", "2027-02-04", "timeValueMinutes", 60))), Map.class);
        assertThat((Map<String, String>) assignment.getBody().get("errors")).containsKey("assignments[0].caseId");

        String corrections = "/api/cases/" + placement.caseId() + "/corrections";
        assertThat(as(rest, "analyst").postForEntity(corrections, Map.of("note", "x"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "teacher").postForEntity(corrections, Map.of("note", " "), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> view = as(rest, "teacher").postForEntity(corrections, Map.of("note",
                "Feb 5 was participatory: 60 of 60 minutes, the register sheet was found"), Map.class).getBody();
        assertThat((List<Map<String, Object>>) view.get("timeline")).last().satisfies(entry -> assertThat(entry)
                .containsEntry("step", "correctionAdded").containsEntry("rule", "REC-07"));
    }

    private static Map<String, Object> day(Long caseId, String day, String status, int offered, int attended) {
        return Map.of("caseId", caseId, "schoolDay", day, "status", status, "synchronousOfferedMinutes", offered,
                "synchronousAttendedMinutes", attended, "liveInteractions", List.of(Map.of("staffUsername", "teacher",
                        "method", "PHONE", "minutes", 10, "purpose", "Weekly goals")));
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
