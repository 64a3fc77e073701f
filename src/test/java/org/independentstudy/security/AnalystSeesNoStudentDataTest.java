package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.List;
import java.util.Map;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.people.Student;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.WebappLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13.8: task names carry the student's name and number, variables the case. An analyst, while such a case
 * runs, reads none of it from /engine-rest or the webapps; an administrator reads the same query's student, so
 * each check could fail. Staff see the tasks of their own groups only.
 */
@IntegrationTest
class AnalystSeesNoStudentDataTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    CaseIntake intake;
    @Autowired
    DemoStudents students;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    EngineAccessSetup engineAccess;

    private Student student;
    private String processInstanceId;

    @BeforeEach
    void aCaseOfLucasBrownRuns() {
        student = students.newStudentLike("S100010");
        Long caseId = intake.receive(students.requestFor(student).withConference(false).build());
        processInstanceId = caseRecord.get(caseId).getProcessInstanceId();
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey("schedulePreEnrollmentConference").singleResult();
        assertThat(task.getName()).as("the task names its student")
                .isEqualTo("Schedule the pre-enrollment conference — Lucas Brown (" + student.getStudentNumber() + ")");
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    @ParameterizedTest(name = "Issue 13.8: an analyst reads nothing from /engine-rest{0}; an administrator reads "
            + "the student's case there")
    @CsvSource({"/task, processInstanceId", "/history/task, processInstanceId",
            "/variable-instance, processInstanceIdIn", "/history/variable-instance, processInstanceId",
            "/process-instance, processInstanceIds", "/history/process-instance, processInstanceId",
            "/execution, processInstanceId", "/history/activity-instance, processInstanceId",
            "/history/detail, processInstanceId", "/job, processInstanceId", "/history/job-log, processInstanceId"})
    void analystReadsNoInstanceDataFromEngineRest(String resource, String instanceParameter) {
        assertThat(as(rest, "admin").getForObject("/engine-rest" + resource + "?" + instanceParameter + "="
                + processInstanceId, String.class)).as("the administrator's answer").contains(processInstanceId);
        ResponseEntity<List> analyst = as(rest, "analyst").getForEntity("/engine-rest" + resource, List.class);
        assertThat(analyst.getStatusCode()).isEqualTo(HttpStatus.OK);
        // at most the engine's own history cleanup job, of no process
        assertThat((List<Map<String, Object>>) analyst.getBody()).as("everything of %s an analyst reads", resource)
                .allSatisfy(entry -> assertThat(entry).containsEntry("processInstanceId", null)
                        .containsEntry("processDefinitionId", null));
    }

    @Test
    @DisplayName("Issue 13.8: no task name carries the student to an analyst in /engine-rest: no task, no historic "
            + "task, no count")
    void noTaskNameReachesAnAnalyst() {
        assertThat(as(rest, "admin").getForObject("/engine-rest/history/task?processInstanceId=" + processInstanceId,
                String.class)).contains("Lucas Brown (" + student.getStudentNumber() + ")");
        for (String count : List.of("/task/count", "/history/task/count", "/history/process-instance/count",
                "/variable-instance/count", "/history/variable-instance/count")) {
            assertThat(as(rest, "analyst").getForObject("/engine-rest" + count, String.class)).as(count)
                    .isEqualTo("{\"count\":0}");
        }
    }

    @Test
    @DisplayName("Issue 13.8: in Cockpit an analyst sees the processes, their diagrams and deployments, and no "
            + "instance, task or variable of them")
    void analystSeesDefinitionsInCockpitButNoInstances() {
        TestRestTemplate analyst = as(rest, "analyst");
        assertThat(analyst.getForObject("/engine-rest/process-definition/statistics", String.class))
                .contains("\"key\":\"independent-study-case\"").contains("\"instances\":0");
        assertThat(analyst.getForEntity("/engine-rest/process-definition/key/independent-study-case/xml",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(analyst.getForObject("/engine-rest/deployment", String.class)).contains("\"id\"");

        HttpEntity<Void> cockpit = new HttpEntity<>(WebappLogin.session(rest, "analyst", "cockpit"));
        for (String path : List.of("/camunda/api/cockpit/plugin/base/default/process-instance",
                "/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/history/task",
                "/camunda/api/engine/engine/default/history/variable-instance")) {
            ResponseEntity<String> answer = rest.exchange(path, HttpMethod.GET, cockpit, String.class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).as(path).isEqualTo("[]");
        }
    }

    @Test
    @DisplayName("Issue 13.8: staff see the tasks of their own groups only: the counselor the conference task, a "
            + "teacher not")
    void staffSeeTheTasksOfTheirGroupsOnly() {
        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        List<Task> counselors = tasks.createTaskQuery().list();
        assertThat(counselors).extracting(Task::getProcessInstanceId).contains(processInstanceId);
        identity.clearAuthentication();
        assertThat(counselors).allSatisfy(task -> assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(IdentityLink::getGroupId).contains(Roles.COUNSELORS_GROUP));

        identity.setAuthentication("teacher", TasklistUser.groupsOf(identity, "teacher"));
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).list()).isEmpty();
    }

    @Test
    @DisplayName("Issue 13.8: the history, instance and variable grants an earlier version gave analysts are "
            + "withdrawn at the next start; the per-task grants of the engine stay")
    void grantsNoLongerGivenAreWithdrawnAtStartup() {
        grantAnalysts(Resources.PROCESS_DEFINITION, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grantAnalysts(Resources.PROCESS_INSTANCE, Permissions.READ);
        assertThat(analystMay(Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).isTrue();

        engineAccess.createGroupsAndGrants();

        assertThat(analystMay(Permissions.READ, Resources.PROCESS_DEFINITION)).as("diagrams").isTrue();
        assertThat(analystMay(Permissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).isFalse();
        assertThat(analystMay(Permissions.READ_INSTANCE, Resources.PROCESS_DEFINITION)).isFalse();
        assertThat(analystMay(Permissions.READ, Resources.PROCESS_INSTANCE)).isFalse();
        assertThat(as(rest, "analyst").getForObject("/engine-rest/history/task", String.class)).isEqualTo("[]");
        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).count()).as("the counselor's task")
                .isEqualTo(1);
    }

    /** As the old setup did: one grant per group and resource type, for all its resources. */
    private void grantAnalysts(Resource resource, Permission... permissions) {
        Authorization held = authorizations.createAuthorizationQuery().groupIdIn(Roles.ANALYSTS_GROUP)
                .resourceType(resource).resourceId(Authorization.ANY).singleResult();
        Authorization grant = held != null ? held : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(Roles.ANALYSTS_GROUP);
        grant.setResource(resource);
        grant.setResourceId(Authorization.ANY);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }

    private boolean analystMay(Permission permission, Resource resource) {
        return authorizations.isUserAuthorized("analyst", List.of(Roles.ANALYSTS_GROUP), permission, resource);
    }
}
