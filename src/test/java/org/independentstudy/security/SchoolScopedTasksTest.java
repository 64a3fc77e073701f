package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.LoggedInSession;
import org.independentstudy.support.TasklistUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 12.4: in Tasklist, staff see and work the cases of their own school; district-wide staff all of them. */
@IntegrationTest
class SchoolScopedTasksTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents students;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;

    @Test
    @DisplayName("Issue 12.4 a Jefferson Elementary counselor sees and works Jefferson's case and not Lincoln High's; a district-wide counselor sees both; the task is granted to the school's and the district's counselors only")
    void counselorsSeeTheirOwnSchool() {
        Task jefferson = conferenceTaskAt("JEF");
        Task lincoln = conferenceTaskAt("LIN");

        assertThat(visibleTo("counselor2")).contains(jefferson.getId()).doesNotContain(lincoln.getId());
        assertThat(visibleTo("counselor")).contains(jefferson.getId(), lincoln.getId());
        String myTasks = LoggedInSession.logIn(port, "counselor2").get("/camunda/api/engine/engine/default/filter/"
                + filters.createFilterQuery().filterName("My tasks").singleResult().getId()
                + "/list?firstResult=0&maxResults=500").body();
        assertThat(myTasks).contains(jefferson.getId()).doesNotContain(lincoln.getId());
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(lincoln.getId()).list()).extracting(Authorization::getGroupId)
                .contains("counselors.lin", "counselors.district").doesNotContain("counselors", "counselors.jef");

        identity.setAuthentication("counselor2", TasklistUser.groupsOf(identity, "counselor2"));
        try {
            tasks.claim(jefferson.getId(), "counselor2");
            assertThat(tasks.createTaskQuery().taskId(lincoln.getId()).count()).isZero();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    @DisplayName("Issue 13.12 grants are checked with all of a user's groups, without reading first which groups hold any: a group without grants adds nothing, the Jefferson counselor still sees Jefferson's case only")
    void groupsWithoutGrantsAddNothing() {
        Task jefferson = conferenceTaskAt("JEF");
        Task lincoln = conferenceTaskAt("LIN");
        List<String> groups = new java.util.ArrayList<>(TasklistUser.groupsOf(identity, "counselor2"));
        groups.add("a-group-without-grants");

        List<String> checked = engine.getCommandExecutorTxRequired().execute(context -> context
                .getSession(org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager.class)
                .filterAuthenticatedGroupIds(groups));
        assertThat(checked).containsExactlyElementsOf(groups);

        List<String> visible;
        identity.setAuthentication("counselor2", groups);
        try {
            visible = tasks.createTaskQuery().taskCandidateUser("counselor2").list().stream().map(Task::getId)
                    .toList();
            assertThat(tasks.createTaskQuery().taskId(lincoln.getId()).count()).isZero();
        } finally {
            identity.clearAuthentication();
        }
        assertThat(visible).contains(jefferson.getId()).doesNotContain(lincoln.getId())
                .containsExactlyInAnyOrderElementsOf(visibleTo("counselor2"));
    }

    private List<String> visibleTo(String user) {
        identity.setAuthentication(user, TasklistUser.groupsOf(identity, user));
        try {
            return tasks.createTaskQuery().taskCandidateUser(user).list().stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task conferenceTaskAt(String schoolCode) {
        String demo = jdbc.queryForObject("select s.student_number from student s join school sc on sc.id = "
                + "s.school_id where sc.code = ? and s.student_number like 'S1000%' order by s.student_number "
                + "fetch first 1 rows only", String.class, schoolCode);
        Map<?, ?> created = as(rest, "counselor").postForEntity("/api/cases",
                students.requestForNewStudentLike(demo).withConference(false).build(), Map.class).getBody();
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(created.get("id")))
                .taskDefinitionKey("schedulePreEnrollmentConference").singleResult();
    }
}
