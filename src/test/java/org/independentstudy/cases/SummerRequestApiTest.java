package org.independentstudy.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A family asking in the summer, between two school years (issue 7, item 12): the demo district has 2025-26
 * (last day 2026-06-11) and 2026-27 (first day 2026-08-13, last day 2027-06-10); 2027-28 has no calendar.
 */
@IntegrationTest
class SummerRequestApiTest {

    /** The case's rows: a refused request writes none of them. */
    private static final List<String> CASE_TABLES = List.of("is_case", "enrollment", "case_timeline_entry");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents students;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("CAL-02 CAL-03 a family asking in July for 2026-27 gets an ordinary case whose school-day deadlines count from the year's first day")
    void julyRequestForALoadedYear() {
        FixedEngineClock.setClock(inDistrict("2026-07-15"));
        RequestBuilder request = summerRequest("S100032", "2026-07-15", "2026-08-17", "2026-09-25");

        ResponseEntity<Map> created = as(rest, "counselor").postForEntity("/api/cases", request.build(), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> view = created.getBody();
        // eligibility decided, the agreement is drafted; it waits for the conference before signing (ENR-02)
        assertThat(view.get("phase")).isEqualTo("AGREEMENT");
        // ENR-06 on 2026-27: 17 Aug..25 Sep without Labor Day (7 Sep) is 29 school days, none used before
        assertThat((Map<String, Object>) view.get("placement")).containsEntry("projectedSchoolDays", 29)
                .containsEntry("cumulativeSchoolDaysBefore", 0).containsEntry("longTerm", true);
        // ENR-02 under BP6158-2022: scheduled within 5 school days of the request; the 1st is Thu 13 Aug, so the
        // escalation is due as the 6th, Thu 20 Aug, begins
        String due = LocalDate.parse("2026-08-20").atStartOfDay(FixedEngineClock.DISTRICT).toInstant().toString();
        assertThat((List<Map<String, Object>>) view.get("openTasks"))
                .filteredOn(task -> task.get("step").equals("schedulePreEnrollmentConference")).singleElement()
                .satisfies(task -> assertThat(task).containsEntry("due", due));
        assertThat((List<Map<String, Object>>) view.get("deadlines")).singleElement().satisfies(deadline ->
                assertThat(deadline).containsEntry("step", "conferenceSchedulingOverdue").containsEntry("due", due));
    }

    @Test
    @DisplayName("CAL-03 a family asking in July 2027, when 2027-28 has no calendar, gets a 400 naming the missing school year, and nothing is written")
    void julyRequestForAMissingYear() {
        FixedEngineClock.setClock(inDistrict("2027-07-15"));
        RequestBuilder request = summerRequest("S100033", "2027-07-15", "2027-08-23", "2027-09-24");

        assertRefusedWritingNothing(request, "receivedOn", "requestedStart", "projectedEnd");
    }

    @Test
    @DisplayName("CAL-03 a request whose conference deadline runs past 2026-27 into 2027-28, which has no calendar, gets a 400 naming 2027-28, and nothing is written")
    void deadlineIntoAMissingYear() {
        // Mon 7 June 2027: the 6th school day after it would lie in 2027-28 (2026-27 ends Thu 10 June)
        FixedEngineClock.setClock(inDistrict("2027-06-07"));
        RequestBuilder request = summerRequest("S100033", "2027-06-07", "2027-06-08", "2027-06-10");

        assertRefusedWritingNothing(request);
    }

    private void assertRefusedWritingNothing(RequestBuilder request, String... fields) {
        Map<String, Long> rowsBefore = rows();
        long processesBefore = runtime.createProcessInstanceQuery().count();

        ResponseEntity<Map> response = as(rest, "counselor").postForEntity("/api/cases", request.build(), Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> problem = response.getBody();
        assertThat(problem).containsEntry("rule", "CAL-03");
        assertThat((String) problem.get("detail")).contains("school year 2027-28");
        for (String field : fields) {
            assertThat((Map<String, String>) problem.get("errors")).hasEntrySatisfying(field,
                    error -> assertThat(error).contains("CAL-03", "school year 2027-28"));
        }
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    private RequestBuilder summerRequest(String student, String receivedOn, String start, String end) {
        RequestBuilder request = students.requestForNewStudentLike(student)
                .dates(LocalDate.parse(start), LocalDate.parse(end)).withConference(false);
        request.receivedOn = LocalDate.parse(receivedOn);
        return request;
    }

    private Map<String, Long> rows() {
        return CASE_TABLES.stream().collect(Collectors.toMap(table -> table,
                table -> jdbc.queryForObject("select count(*) from " + table, Long.class)));
    }

    private static ZonedDateTime inDistrict(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(FixedEngineClock.DISTRICT);
    }
}
