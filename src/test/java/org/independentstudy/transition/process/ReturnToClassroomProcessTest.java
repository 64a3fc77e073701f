package org.independentstudy.transition.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.independentstudy.support.TasklistUser.asCounselor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.security.Roles;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process return-to-classroom on the demo calendar 2026-27, for a family asking on Wednesday 2027-02-24:
 * the fifth instructional day after is Wednesday March 3, the warning comes at the end of Monday March 1.
 */
@IntegrationTest
class ReturnToClassroomProcessTest {

    private static final String ASKED = "2027-02-24";
    private static final Instant WARNING = Instant.parse("2027-03-02T07:59:59.999Z");
    private static final Instant DEADLINE = Instant.parse("2027-03-04T07:59:59.999Z");

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    HistoryService history;

    @Test
    @DisplayName("TRN-01 placed within the deadline: the school site placement, records and agreement tasks; the last independent-study day is the school day before the first day in class; the deadline watch ends with it")
    void placedInTime() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance process = start(placement, ASKED);

        assertThat(process).isWaitingAt("placeStudentInClassroom", "handOverRecords", "returnDeadlineNear");
        assertThat(timers(process)).extracting(Job::getDuedate).containsExactly(Date.from(WARNING));
        assertThat(openTasks(process)).as("Issue 12.4: due at the TRN-01 deadline").extracting(Task::getDueDate)
                .containsOnly(Date.from(DEADLINE));
        asCounselor(identity, () -> tasks.complete(task(process, "placeStudentInClassroom").getId(), Map.of(
                "classSchedule", "Period 1-6, room 12", "classroomTeacher", "Marcus Bell",
                "firstDayInClass", "2027-03-01")));
        asCounselor(identity, () -> tasks.complete(task(process, "handOverRecords").getId(),
                Map.of("returnStepNote", "Register, samples and evaluations filed in the cumulative folder")));
        assertThat(task(process, "closeAgreementForReturn").getDueDate()).isEqualTo(Date.from(DEADLINE));
        asCounselor(identity, () -> tasks.complete(task(process, "closeAgreementForReturn").getId(),
                Map.of("returnStepNote", "Agreement closed with the parent by phone")));

        assertThat(process).hasPassed("studentBackInClass").isEnded();
        assertThat(management.createJobQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(historicVariable(process, "placementLastDay")).isEqualTo("2027-02-26");
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getDescription)
                .anySatisfy(d -> assertThat(d).contains("by 2027-03-03").contains("warned on 2027-03-01"))
                .anySatisfy(d -> assertThat(d).contains("from 2027-03-01").contains("within the deadline of 2027-03-03"));
    }

    @Test
    @DisplayName("TRN-01 not placed two instructional days before the deadline the principal is warned, and again when it is missed")
    void escalations() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance process = start(placement, ASKED);

        fire(process, WARNING);
        assertThat(process).isWaitingAt("warnPrincipalReturnDueSoon", "returnDeadlineMissed");
        assertThat(task(process, "warnPrincipalReturnDueSoon").getDueDate()).isEqualTo(Date.from(DEADLINE));
        assertThat(timers(process)).extracting(Job::getDuedate).containsExactly(Date.from(DEADLINE));
        fire(process, DEADLINE);
        Task overdue = task(process, "escalateMissedReturnDeadline");
        assertThat(overdue.getDueDate()).as("the end of Thursday 2027-03-04, the next school day")
                .isEqualTo(Date.from(Instant.parse("2027-03-05T07:59:59.999Z")));
        assertThat(tasks.getIdentityLinksForTask(overdue.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo(Roles.PRINCIPALS_GROUP));
        assertThatThrownBy(() -> asCounselor(identity, () -> tasks.complete(task(process, "placeStudentInClassroom").getId(),
                Map.of("classSchedule", "Period 1-6", "classroomTeacher", "Marcus Bell", "firstDayInClass",
                        "2027-03-06")))).as("a Saturday").hasStackTraceContaining("a school day on or after");
        asCounselor(identity, () -> tasks.complete(task(process, "placeStudentInClassroom").getId(), Map.of(
                "classSchedule", "Period 1-6", "classroomTeacher", "Marcus Bell", "firstDayInClass", "2027-03-08")));

        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getDescription)
                .anySatisfy(d -> assertThat(d).contains("AFTER the deadline of 2027-03-03"));
    }

    @Test
    @DisplayName("TRN-01 a short-term placement takes the same steps without a legal deadline: no timer, no escalation")
    void shortTermWithoutDeadline() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher", LocalDate.of(2027, 2, 22),
                LocalDate.of(2027, 3, 5));
        ProcessInstance process = start(placement, "2027-02-24");

        assertThat(process).isWaitingAt("placeStudentInClassroom", "handOverRecords").hasPassed("withoutDeadline");
        assertThat(timers(process)).isEmpty();
        assertThat(openTasks(process)).as("Issue 12.4: no legal deadline, no due date").extracting(Task::getDueDate)
                .containsOnlyNulls();
    }

    @Test
    @DisplayName("Issue 12.4 TRN-01 CAL-02 asked on Friday before Presidents' week: the steps are due by the end of Friday 2027-02-26, the fifth instructional day; missed, the principal's escalation by the end of Monday 2027-03-01")
    void dueDatesAcrossPresidentsWeek() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance process = start(placement, "2027-02-12");
        Instant deadline = Instant.parse("2027-02-27T07:59:59.999Z");

        assertThat(openTasks(process)).extracting(Task::getDueDate).containsOnly(Date.from(deadline));
        fire(process, Instant.parse("2027-02-25T07:59:59.999Z"));
        assertThat(task(process, "warnPrincipalReturnDueSoon").getDueDate()).isEqualTo(Date.from(deadline));
        fire(process, deadline);
        assertThat(task(process, "escalateMissedReturnDeadline").getDueDate())
                .isEqualTo(Date.from(Instant.parse("2027-03-02T07:59:59.999Z")));
    }

    private List<Task> openTasks(ProcessInstance process) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).list();
    }

    private ProcessInstance start(ActivePlacement placement, String askedOn) {
        return runtime.startProcessInstanceByKey("return-to-classroom", placement.caseId().toString(), Map.of(
                "caseId", placement.caseId(), "returnRequestedOn", askedOn, "returnRequestedBy", "the family"));
    }

    private List<Job> timers(ProcessInstance process) {
        return management.createJobQuery().processInstanceId(process.getId()).timers().list();
    }

    private void fire(ProcessInstance process, Instant due) {
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        management.executeJob(timer.getId());
    }

    private Task task(ProcessInstance process, String key) {
        return tasks.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key).singleResult();
    }

    /** A variable of the ended process, from the engine's history. */
    private Object historicVariable(ProcessInstance process, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).variableName(name)
                .singleResult().getValue();
    }

}
