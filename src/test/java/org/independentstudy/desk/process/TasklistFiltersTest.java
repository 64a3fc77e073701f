package org.independentstudy.desk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.security.Roles;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.LoggedInSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/** Issue 12.4: Tasklist as school staff meet it, through the calls Tasklist itself makes. */
@IntegrationTest
class TasklistFiltersTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents students;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    AuthorizationService authorizations;

    @ParameterizedTest(name = "Issue 12.4 {0} sees the filters {1} and no other")
    @CsvSource(delimiter = ';', value = {
            "counselor; My tasks|Due this week",
            "teacher; My tasks|Due this week|Signatures pending",
            "sped; My tasks|Due this week|Signatures pending",
            "principal; My tasks|Due this week|Escalations for principals",
            "analyst; ''"})
    void eachGroupSeesItsFilters(String user, String expected) {
        String listed = LoggedInSession.logIn(port, user)
                .get("/camunda/api/engine/engine/default/filter?resourceType=Task").body();
        List<String> names = List.of("My tasks", "Due this week", "Signatures pending", "Escalations for principals",
                "All tasks");
        List<String> shown = expected.isEmpty() ? List.of() : List.of(expected.split("\\|"));
        for (String name : names) {
            if (shown.contains(name)) {
                assertThat(listed).as(user + " sees " + name).contains("\"name\":\"" + name + "\"");
            } else {
                assertThat(listed).as(user + " does not see " + name).doesNotContain("\"name\":\"" + name + "\"");
            }
        }
    }

    @Test
    @DisplayName("Issue 12.4 CAL-02 'Due this week' lists the counselor's tasks due by the end of Friday, overdue included, not Monday's; 'My tasks' lists them all, most urgent first")
    void dueThisWeekOnTheSchoolCalendar() {
        Task thursday = newConferenceTask(FixedEngineClock.DECEMBER_FIRST.plusDays(2));
        Task overdue = newConferenceTask(FixedEngineClock.DECEMBER_FIRST.minusDays(7));
        Task monday = newConferenceTask(FixedEngineClock.DECEMBER_FIRST.plusDays(6));
        LoggedInSession counselor = LoggedInSession.logIn(port, "counselor");

        String dueThisWeek = counselor.get("/camunda/api/engine/engine/default/filter/"
                + filterId("Due this week") + "/list?firstResult=0&maxResults=500").body();
        assertThat(dueThisWeek).contains(thursday.getId(), overdue.getId()).doesNotContain(monday.getId());
        String mine = counselor.get("/camunda/api/engine/engine/default/filter/" + filterId("My tasks")
                + "/list?firstResult=0&maxResults=500").body();
        assertThat(mine).contains(thursday.getId(), monday.getId());
        assertThat(mine.indexOf(overdue.getId())).isLessThan(mine.indexOf(thursday.getId()));
        assertThat(mine.indexOf(thursday.getId())).isLessThan(mine.indexOf(monday.getId()));
    }

    @Test
    @DisplayName("Issue 12.4 the webapps' own styles hide the Camunda 8 banner and the engine's search criteria; no school staff may create a task")
    void tasklistShowsStaffWhatTheyNeed() {
        LoggedInSession counselor = LoggedInSession.logIn(port, "counselor");
        assertThat(counselor.get("/camunda/app/tasklist/styles/user-styles.css").body())
                .contains(".ce-eol-banner { display: none; }", "[cam-widget-search]");
        assertThat(counselor.get("/camunda/app/cockpit/styles/user-styles.css").body()).contains(".ce-eol-banner");
        for (String group : List.of(Roles.COUNSELORS_GROUP, Roles.TEACHERS_GROUP, Roles.PRINCIPALS_GROUP,
                Roles.SPECIAL_EDUCATION_GROUP, Roles.ANALYSTS_GROUP)) {
            assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.CREATE, Resources.TASK))
                    .as(group + " may create a task").isFalse();
        }
    }

    private Task newConferenceTask(ZonedDateTime due) {
        ResponseEntity<Map> created = as(rest, "counselor").postForEntity("/api/cases",
                students.requestForNewStudentLike("S100009").withConference(false).build(), Map.class);
        String caseId = String.valueOf(created.getBody().get("id"));
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey("schedulePreEnrollmentConference").singleResult();
        tasks.setDueDate(task.getId(), Date.from(due.toInstant()));
        return task;
    }

    private String filterId(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }
}
