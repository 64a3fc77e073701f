package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.people.Student;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist runs every call as the logged-in user with the engine's authorizations on: these checks are the
 * ones Tasklist meets, made directly against the engine.
 */
@IntegrationTest
class TaskAuthorizationTest {

    @Autowired
    CaseIntake intake;
    @Autowired
    DemoStudents students;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    @DisplayName("a counselor neither sees nor completes the principal's escalation; the principal does")
    void counselorCannotWorkThePrincipalsEscalation() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-01T16:00:00Z")));
        Student student = students.newStudentLike("S100011");
        Long caseId = intake.receive(students.requestFor(student).withConference(false).build());
        String process = caseRecord.get(caseId).getProcessInstanceId();
        // the conference is not scheduled in time: the escalation timer fires
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-11T16:00:00Z")));
        management.createJobQuery().processInstanceId(process).timers().list()
                .forEach(job -> management.executeJob(job.getId()));
        Task escalation = tasks.createTaskQuery().processInstanceId(process)
                .taskDefinitionKey("followUpConferenceScheduling").singleResult();
        assertThat(escalation).as("the principal's follow-up task").isNotNull();
        assertThat(escalation.getName()).as("tasks name their student in Tasklist").endsWith("(" + student.getStudentNumber() + ")");

        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        assertThat(tasks.createTaskQuery().processInstanceId(process).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactly("schedulePreEnrollmentConference");
        assertThatThrownBy(() -> tasks.complete(escalation.getId(), Map.of("followUpNote", "Done")))
                .isInstanceOf(AuthorizationException.class);

        identity.setAuthentication("principal", TasklistUser.groupsOf(identity, "principal"));
        assertThat(tasks.createTaskQuery().processInstanceId(process).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactly("followUpConferenceScheduling");
        tasks.complete(escalation.getId(), Map.of("followUpNote", "Called the counselor; scheduled for Monday"));
        assertThat(tasks.createTaskQuery().taskId(escalation.getId()).count()).isZero();
    }
}
