package org.independentstudy.cases.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.RequiredSigner;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Walks every path of independent-study-case.bpmn on the real engine (job executor off, timers run by hand). */
@IntegrationTest
class IndependentStudyCaseProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    DemoStudents students;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void engineAndClock() {
        BpmnAwareTests.init(engine);
        at("2026-09-01T16:00:00Z");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("ENR-01 a request without conference or IEP goes to ready for agreement, active, and closed")
    void requestToClosedCase() {
        Long caseId = intake.receive(students.requestFor("S100001").build());
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceId(caseRecord.get(caseId).getProcessInstanceId()).singleResult();

        assertThat(process).isWaitingAt("draftAndSignAgreement").hasPassed("registerFamilyRequest",
                "decidePlacementType", "checkMinimumLength", "checkSuspensionReferral", "recordSection504Plan",
                "checkCourseBasedSemesterLock", "checkHomeHospitalExclusion", "decideMedicalExemption",
                "readyForAgreement").hasBusinessKey(caseId.toString());
        // the written-agreement process called next has already taken the case into its agreement phase
        assertThat(steps(caseId)).containsSubsequence("readyForAgreement", "writtenAgreementDrafted");
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.AGREEMENT);

        ProcessInstance agreement = calledProcessInstance(process);
        assertThat(agreement).hasBusinessKey(caseId.toString()).hasProcessDefinitionKey("written-agreement");
        signAgreement(agreement);
        assertThat(process).hasPassed("placementActive").isWaitingAt("placementEnded").variables()
                .containsEntry("independentStudyStartDate", Date.from(Instant.parse("2026-09-14T07:00:00Z")));
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.ACTIVE);

        runtime.createMessageCorrelation("PlacementEnded").processInstanceBusinessKey(caseId.toString())
                .setVariable("placementLastDay", "2026-10-09").correlate();
        assertThat(process).hasPassed("closeCase", "caseClosed").isEnded();
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.CLOSED);
    }

    /** The written agreement of the called process drafted, signed by teacher, student and parent (AGR-06, AGR-09). */
    private void signAgreement(ProcessInstance agreement) {
        signAgreement(agreement, "teacher3", Map.of());
    }

    private void signAgreement(ProcessInstance agreement, String teacher, Map<String, Object> courseBased) {
        Map<String, Object> draft = DraftFormVariables.complete(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 9),
                teacher);
        draft.putAll(courseBased);
        complete(task(agreement), draft);
        Long versionId = (Long) runtime.getVariable(agreement.getId(), "agreementVersionId");
        for (RequiredSigner signer : signatures.requiredSigners(versionId, LocalDate.of(2026, 9, 1))) {
            if (signer.role().isFamily()) {
                signatures.sign(versionId, signer.role(), signer.identity(), SignatureMethod.EMAIL_LINK);
            }
        }
        identity.setAuthentication(teacher, List.of("teachers"));
        complete(task("signAsTeacher", agreement));
        identity.clearAuthentication();
        management.createJobQuery().processInstanceId(agreement.getId()).list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    @Test
    @DisplayName("ENR-02 a requested conference is scheduled and held before the case is ready for agreement")
    void conferenceHeld() {
        Map<String, Object> form = startForm("S100002");
        form.put("conferenceRequested", true);
        ProcessInstance process = start(form);

        assertThat(process).isWaitingAt("schedulePreEnrollmentConference").task()
                .hasCandidateGroup("counselors").hasDueDate(Date.from(Instant.parse("2026-09-10T07:00:00Z")));
        complete(task(process), withVariables("conferenceModality", "TELEPHONE", "conferenceDate", "2026-09-03",
                "conferenceAttendees", "Parent, student, counselor"));
        assertThat(process).isWaitingAt("recordPreEnrollmentConference").task().hasCandidateGroup("counselors");
        complete(task(process), withVariables("conferenceOutcome", "HELD", "conferenceHeldOn", "2026-09-03",
                "optionsCovered", true, "curriculumCovered", true, "supportsCovered", true));

        assertThat(process).hasPassed("conferenceOutcome", "readyForAgreement").isWaitingAt("draftAndSignAgreement");
        assertThat(steps(caseIdOf(process))).contains("preEnrollmentConferenceScheduled",
                "preEnrollmentConferenceHeld", "readyForAgreement");
    }

    @Test
    @DisplayName("ENR-02 the parent withdraws the request at the conference: the case closes with the reason")
    void requestWithdrawn() {
        ProcessInstance process = withConference("S100003");
        complete(task(process), withVariables("conferenceModality", "IN_PERSON", "conferenceDate", "2026-09-03",
                "conferenceAttendees", "Parent, counselor"));
        complete(task(process), withVariables("conferenceOutcome", "WITHDRAWN",
                "withdrawalNote", "The family found a classroom seat after all"));

        assertThat(process).hasPassed("recordWithdrawal", "requestWithdrawn").isEnded();
        var closed = caseRecord.get(caseIdOf(process));
        assertThat(closed.getPhase()).isEqualTo(CasePhase.CLOSED);
        assertThat(closed.getClosingReason()).contains("withdrew", "classroom seat");
    }

    @Test
    @DisplayName("ENR-02 a conference not scheduled within 5 school days (seed policy) escalates to the principals; scheduling still goes on")
    void schedulingOverdueEscalates() {
        ProcessInstance process = withConference("S100005");
        // requested Tuesday 2026-09-01; Labor Day 09-07: the fifth school day after it is Wednesday 09-09
        at("2026-09-10T06:59:00Z");
        assertThat(dueTimers(process)).isEmpty();
        at("2026-09-10T07:00:00Z");
        management.executeJob(dueTimers(process).get(0).getId());

        assertThat(process).hasPassed("recordSchedulingOverdue")
                .isWaitingAt("schedulePreEnrollmentConference", "followUpConferenceScheduling");
        assertThat(task("followUpConferenceScheduling", process)).hasCandidateGroup("principals");
        assertThat(steps(caseIdOf(process))).contains("conferenceSchedulingOverdue");
        complete(task("followUpConferenceScheduling", process), withVariables("followUpNote", "Called the counselor"));
        assertThat(process).hasPassed("conferenceFollowUpDone").isWaitingAt("schedulePreEnrollmentConference");
        assertThat(steps(caseIdOf(process))).contains("conferenceSchedulingFollowedUp");
    }

    @Test
    @DisplayName("ENR-03 a student with an IEP waits for the IEP team determination by special education")
    void iepTeamApproves() {
        ProcessInstance process = start(startForm("S100004"));

        assertThat(process).hasPassed("studentHasIepGateway").isWaitingAt("determineIepParticipation").task()
                .hasCandidateGroup("special-education");
        complete(task(process), withVariables("iepTeamApproves", "true", "iepNote", "IEP meeting 2026-09-02"));
        assertThat(process).hasPassed("recordIepDetermination").isWaitingAt("draftAndSignAgreement");
        assertThat(steps(caseIdOf(process))).contains("iepTeamDetermination");
    }

    @Test
    @DisplayName("ENR-03 the IEP team does not recommend independent study: the case is refused under ENR-03")
    void iepTeamRefuses() {
        ProcessInstance process = start(startForm("S100013"));
        complete(task(process), withVariables("iepTeamApproves", "false"));

        assertThat(process).hasPassed("recordIepDetermination", "eligibilityRefused", "recordRefusal", "caseRefused")
                .isEnded();
        assertRefused(caseIdOf(process), "ENR-03");
    }

    @Test
    @DisplayName("ENR-07 a two-school-day placement is refused under the seed policy and ends as refused")
    void ruleRefuses() {
        Map<String, Object> form = startForm("S100007");
        form.put("requestedStart", "2026-09-14");
        form.put("projectedEnd", "2026-09-15");
        ProcessInstance process = start(form);

        assertThat(process).hasPassed("checkMinimumLength", "recordRefusal", "caseRefused")
                .hasNotPassed("checkSuspensionReferral").isEnded();
        assertRefused(caseIdOf(process), "ENR-07");
    }

    @Test
    @DisplayName("ENR-08 a course-based placement ended by disenrollment refuses course-based again in the same semester")
    void courseBasedDisenrollmentLocksTheSemester() {
        RequestBuilder first = students.requestFor("S100016");
        first.placement = PreferredPlacement.COURSE_BASED;
        ProcessInstance placed = start(first.asStartForm());
        String businessKey = caseIdOf(placed).toString();
        signAgreement(calledProcessInstance(placed), "teacher", Map.of("courses",
                "English 1 | English | teacher | 5 | 2026-09-14 | 2026-10-09 | Read and write arguments from texts",
                "progressMeasurement", "Per unit; evaluation after three missed assignments"));
        runtime.createMessageCorrelation("PlacementEnded").processInstanceBusinessKey(businessKey)
                .setVariable("placementLastDay", "2026-10-01").setVariable("placementEndReason", "DISENROLLED")
                .correlate();
        assertThat(placed).isEnded();

        RequestBuilder again = students.requestFor("S100016").dates(LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 4));
        again.placement = PreferredPlacement.COURSE_BASED;
        ProcessInstance refused = start(again.asStartForm());

        assertThat(refused).hasPassed("checkCourseBasedSemesterLock", "recordRefusal").isEnded();
        assertRefused(caseIdOf(refused), "ENR-08");
    }

    @Test
    @DisplayName("ENR-01 a start form without a family requester fails the start: no case, no process instance")
    void badStartFormCreatesNothing() {
        Map<String, Object> form = startForm("S100008");
        form.remove("requesterGuardianId");
        Long studentId = students.student("S100008").getId();
        int cases = caseRecord.casesOfStudent(studentId).size();
        long instances = runtime.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> start(form))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("requester");
        assertThat(caseRecord.casesOfStudent(studentId)).hasSize(cases);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    private ProcessInstance withConference(String student) {
        Map<String, Object> form = startForm(student);
        form.put("conferenceRequested", true);
        return start(form);
    }

    /** A counselor submits Tasklist's start form. */
    private ProcessInstance start(Map<String, Object> form) {
        return runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, form);
    }

    /** What a counselor enters in Tasklist's start form for a request of the student's parent. */
    private Map<String, Object> startForm(String studentNumber) {
        RequestBuilder request = students.requestFor(studentNumber);
        request.plan504 = "504-2026-17";
        return request.asStartForm();
    }

    private List<Job> dueTimers(ProcessInstance process) {
        return management.createJobQuery().processInstanceId(process.getId()).timers().executable().list();
    }

    private void assertRefused(Long caseId, String rule) {
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.REFUSED);
        TimelineEntry last = caseRecord.timelineOf(caseId).get(caseRecord.timelineOf(caseId).size() - 1);
        assertThat(last.getStep()).isEqualTo("caseRefused");
        assertThat(last.getRuleId()).isEqualTo(rule);
    }

    private Long caseIdOf(ProcessInstance process) {
        return Long.valueOf(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count() > 0
                ? runtime.getVariable(process.getId(), CaseVariables.CASE_ID).toString()
                : engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName(CaseVariables.CASE_ID).singleResult().getValue().toString());
    }

    private List<String> steps(Long caseId) {
        return caseRecord.timelineOf(caseId).stream().map(TimelineEntry::getStep).toList();
    }

    private static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }
}
