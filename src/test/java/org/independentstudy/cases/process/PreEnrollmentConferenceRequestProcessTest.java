package org.independentstudy.cases.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.people.Student;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Walks pre-enrollment-conference-request.bpmn: Tasklist's start form for a parent's later conference request. */
@IntegrationTest
class PreEnrollmentConferenceRequestProcessTest {

    private static final String PROCESS_KEY = "pre-enrollment-conference-request";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    DemoStudents students;

    @BeforeEach
    void clock() {
        FixedEngineClock.setClock(FixedEngineClock.DECEMBER_FIRST.withMonth(9));
    }

    @Test
    @DisplayName("ENR-02 from Tasklist a counselor records the parent's later request by student number: the student's open case schedules the conference; the request process ends at once")
    void requestGoesToTheOpenCase() {
        Student student = students.newStudentLike("S100001");
        Long caseId = intake.receive(students.requestFor(student).build());

        ProcessInstance request = startForm(student.getStudentNumber());

        assertThat(request).hasPassed("passConferenceRequestToCase", "requestPassedToCase").isEnded();
        ProcessInstance caseProcess = runtime.createProcessInstanceQuery()
                .processInstanceId(caseRecord.get(caseId).getProcessInstanceId()).singleResult();
        assertThat(caseProcess).isWaitingAt("schedulePreEnrollmentConference", "draftAndSignAgreement").variables()
                .containsEntry("advocateRequested", true);
        assertThat(caseRecord.timelineOf(caseId)).filteredOn(e -> e.getStep().equals("preEnrollmentConferenceRequested"))
                .singleElement().extracting(TimelineEntry::getDescription).asString()
                .contains("by in person, with an advocate");
    }

    @Test
    @DisplayName("ENR-02 a Tasklist request that is refused fails the start form and records nothing: unknown student (naming the field), no open case, a conference already pending")
    void refusedRequestRecordsNothing() {
        long started = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
        assertThatThrownBy(() -> startForm("S999999")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("student"));

        Student withoutCase = students.newStudentLike("S100002");
        assertThatThrownBy(() -> startForm(withoutCase.getStudentNumber())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no open case");

        Student pending = students.newStudentLike("S100003");
        Long caseId = intake.receive(students.requestFor(pending).withConference(false).build());
        int entries = caseRecord.timelineOf(caseId).size();
        assertThatThrownBy(() -> startForm(pending.getStudentNumber())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("still pending");
        assertThat(caseRecord.timelineOf(caseId)).hasSize(entries);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
                .isEqualTo(started);
    }

    /** What the counselor enters in Tasklist's start form "Pre-enrollment conference requested". */
    private ProcessInstance startForm(String student) {
        return runtime.startProcessInstanceByKey(PROCESS_KEY, Map.of("student", student,
                "conferenceModality", "IN_PERSON", "advocateRequested", true));
    }
}
