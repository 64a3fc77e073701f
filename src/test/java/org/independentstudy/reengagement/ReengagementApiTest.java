package org.independentstudy.reengagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.ReengagementWalk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** REE-01..10 over HTTP, with who may do what. */
@IntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class ReengagementApiTest {

    private static final String SWEEPS = "/api/reengagement/sweeps";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ReengagementWalk walk;
    @Autowired
    CaseRecord caseRecord;

    @Test
    @DisplayName("REE-01..04 an administrator runs the sweep of a past school day on demand and reads its report; a day to come, a Saturday or no day is a 400 naming schoolDay; counselors and analysts get 403")
    void sweepOnDemand() {
        ResponseEntity<Map> swept = as(rest, "admin").postForEntity(SWEEPS, Map.of("schoolDay", "2026-11-30"), Map.class);
        assertThat(swept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(swept.getBody()).containsEntry("schoolDay", "2026-11-30").containsKeys("findings", "listed", "opened");

        for (Map<String, Object> refused : List.<Map<String, Object>>of(Map.of("schoolDay", "2026-12-02"),
                Map.of("schoolDay", "2026-11-28"), Map.of("day", "2026-11-30"))) {
            ResponseEntity<Map> answer = as(rest, "admin").postForEntity(SWEEPS, refused, Map.class);
            assertThat(answer.getStatusCode()).as(refused.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, String>) answer.getBody().get("errors")).as(refused.toString())
                    .containsKey("schoolDay");
        }
        assertThat(as(rest, "counselor").postForEntity(SWEEPS, Map.of("schoolDay", "2026-11-30"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "analyst").postForEntity(SWEEPS, Map.of("schoolDay", "2026-11-30"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "principal").getForObject(SWEEPS + "/2026-11-30", Map.class))
                .containsEntry("schoolDay", "2026-11-30");
        assertThat(as(rest, "principal").getForEntity(SWEEPS + "/2026-11-27", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    @DisplayName("REE-03 the supervising teacher records a violation of the agreement (201, on the timeline); another teacher, no description or a day to come is a 400 naming the field; analysts get 403")
    void agreementViolations() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        FixedEngineClock.setClock(ZonedDateTime.of(2027, 1, 20, 15, 0, 0, 0, FixedEngineClock.DISTRICT));
        String url = "/api/cases/" + placement.caseId() + "/agreement-violations";
        Map<String, Object> violation = Map.of("observedOn", "2027-01-19", "description", "Missed the weekly lab");

        ResponseEntity<Map> recorded = as(rest, "teacher").postForEntity(url, violation, Map.class);

        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(recorded.getBody()).containsKey("id");
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> "agreementViolationRecorded".equals(e.getStep()))
                .singleElement().extracting(TimelineEntry::getRuleId).isEqualTo("REE-03");
        assertThat(errorsOf(as(rest, "teacher2").postForEntity(url, violation, Map.class))).containsKey("caseId");
        assertThat(errorsOf(as(rest, "teacher").postForEntity(url, Map.of("observedOn", "2027-01-19"), Map.class)))
                .containsKey("description");
        assertThat(errorsOf(as(rest, "teacher").postForEntity(url, Map.of("observedOn", "2027-01-21",
                "description", "Tomorrow"), Map.class))).containsKey("observedOn");
        assertThat(as(rest, "analyst").postForEntity(url, violation, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @DisplayName("REE-05..10 the principals' overview: their school's open re-engagements with tier, triggers and due step, overdue first; another school is a 400, analysts get 403")
    void principalsOverview() {
        ActivePlacement highSchool = activePlacements.traditional("S100011", "teacher");
        walk.sweepAfter(ReengagementWalk.SWEPT_DAY);
        FixedEngineClock.setClock(ZonedDateTime.of(2027, 1, 28, 9, 0, 0, 0, FixedEngineClock.DISTRICT));
        ParameterizedTypeReference<List<Map<String, Object>>> list = new ParameterizedTypeReference<>() {
        };

        List<Map<String, Object>> open = as(rest, "principal").exchange("/api/reengagement/overview",
                HttpMethod.GET, HttpEntity.EMPTY, list).getBody();

        assertThat(open).filteredOn(r -> highSchool.caseId().equals(((Number) r.get("caseId")).longValue()))
                .singleElement().satisfies(r -> {
                    assertThat(r).containsEntry("tier", "CONTACT_CHECK").containsEntry("overdue", true)
                            .containsEntry("studentNumber", highSchool.student().getStudentNumber());
                    assertThat((List<String>) r.get("triggers")).singleElement().asString().startsWith("REE-01");
                });
        assertThat(open).allSatisfy(r -> assertThat(r.get("schoolId")).isEqualTo(open.get(0).get("schoolId")));
        assertThat(open.stream().map(r -> (Boolean) r.get("overdue")).toList()).isSortedAccordingTo((a, b) ->
                Boolean.compare(b, a));
        assertThat(as(rest, "principal2").exchange("/api/reengagement/overview", HttpMethod.GET, HttpEntity.EMPTY,
                list).getBody()).noneMatch(r -> highSchool.caseId().equals(((Number) r.get("caseId")).longValue()));
        assertThat(as(rest, "principal").getForEntity("/api/reengagement/overview?school=999999", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as(rest, "analyst").getForEntity("/api/reengagement/overview", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static Map<String, String> errorsOf(ResponseEntity<Map> answer) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        return (Map<String, String>) answer.getBody().get("errors");
    }
}
