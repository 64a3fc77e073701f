package org.independentstudy.cases.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.independentstudy.support.TasklistUser.asCounselor;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.independentstudy.support.MailOutboxTries;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.RequiredSigner;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.agreement.SignatureOutcome;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.agreement.WrittenAgreement;
import org.independentstudy.agreement.WrittenAgreementRepository;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.cases.ConferenceRequests;
import org.independentstudy.cases.FamilyLeaving.Leaving;
import org.independentstudy.cases.FamilyLeaving;
import org.independentstudy.cases.PlacementEndings.PlacementEnd;
import org.independentstudy.cases.ReturnRequests;
import org.independentstudy.cases.ReturnRequests.ReturnRequest;
import org.independentstudy.cases.PlacementEndings;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.enrollment.Enrollment.EndReason;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecording;
import org.independentstudy.participation.ParticipationStatus;
import org.independentstudy.people.Student;
import org.independentstudy.signing.FamilyReturnLinks;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.ReengagementWalk;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

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
    @Autowired
    EnrolledPlacements placements;
    @Autowired
    AgreementDrafting drafting;
    @Autowired
    WrittenAgreementRepository agreements;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    ConferenceRequests conferenceRequests;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlacementEndings placementEndings;
    @Autowired
    FamilyLeaving familyLeaving;
    @Autowired
    ReturnRequests returnRequests;
    @Autowired
    ParticipationRecording participation;
    @Autowired
    FamilyReturnLinks returnLinks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReengagementWalk reengagementWalk;
    @Autowired
    PreEnrollmentConference conference;
    @Autowired
    MailOutboxTries mailOutbox;

    @BeforeEach
    void clock() {
        at("2026-09-01T16:00:00Z");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("ENR-01 AGR-05 TRN-04 ATT-06 a request without conference or IEP goes to ready for agreement, active with its monthly evaluation, and closes by itself when the agreement's last day has passed, the evaluation with it")
    void requestToClosedCase() {
        Long caseId = intake.receive(students.requestForNewStudentLike("S100001").build());
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceId(caseRecord.get(caseId).getProcessInstanceId()).singleResult();

        assertThat(process).isWaitingAt("draftAndSignAgreement").hasPassed("registerFamilyRequest",
                "decidePlacementType", "checkMinimumLength", "checkSuspensionReferral", "recordSection504Plan",
                "checkCourseBasedSemesterLock", "checkHomeHospitalExclusion", "decideMedicalExemption",
                "readyForAgreement").hasBusinessKey(caseId.toString());
        // the written-agreement process called next has already taken the case into its agreement phase; nobody
        // has drafted anything yet (Issue 12.5)
        assertThat(steps(caseId)).containsSubsequence("readyForAgreement", "agreementDraftingOpened")
                .doesNotContain("writtenAgreementDrafted");
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.AGREEMENT);

        ProcessInstance agreement = calledProcessInstance(process);
        assertThat(agreement).hasBusinessKey(caseId.toString()).hasProcessDefinitionKey("written-agreement");
        signAgreement(agreement);
        assertThat(process).hasPassed("placementActive").isWaitingAt("placementRunning").variables()
                .containsEntry("independentStudyStartDate", Date.from(Instant.parse("2026-09-14T07:00:00Z")));
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.ACTIVE);

        // ATT-06: the monthly evaluation runs beside the placement (school month 2 ends 2026-10-08, before its end)
        ProcessInstance evaluations = runtime.createProcessInstanceQuery().processDefinitionKey("progress-evaluation")
                .processInstanceBusinessKey(caseId.toString()).singleResult();
        assertThat(evaluations).isWaitingAt("schoolMonthEnded");

        // TRN-04: every school day of the placement recorded, so the case closes without a counselor
        recordParticipation(caseId, LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 9));
        // the agreement's last day is Friday 2026-10-09: the case closes when Saturday begins in the district
        Job lastDayPassed = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(lastDayPassed.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-10-10T07:00:00Z")));
        at("2026-10-10T07:00:01Z");
        management.executeJob(lastDayPassed.getId());
        assertThat(process).hasPassed("agreementLastDayPassed", "checkRecordsComplete", "closeCase", "caseClosed")
                .hasNotPassed("completeCaseRecords").isEnded();
        assertThat(evaluations).isEnded();
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.CLOSED);
        assertThat(placements.placementOf(caseId)).isNotNull();
        assertThat(caseRecord.timelineOf(caseId)).last().satisfies(closed -> assertThat(closed.getDescription())
                .isEqualTo("Placement ended on 2026-10-09 (completed)"));
    }

    @Test
    @DisplayName("TRN-02 staff record that an active placement ended early: refused before it is active (409), without a reason or with a last day outside the placement (400 naming the field); accepted, the case closes with that day and reason")
    void placementEndedEarly() {
        Long caseId = intake.receive(students.requestForNewStudentLike("S100002").build());
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceId(caseRecord.get(caseId).getProcessInstanceId()).singleResult();
        assertThatThrownBy(() -> placementEndings.end(caseId, new PlacementEnd(LocalDate.of(2026, 9, 30),
                EndReason.DISENROLLED))).isInstanceOf(ConflictException.class).hasMessageContaining("AGREEMENT");

        signAgreement(calledProcessInstance(process));
        assertThatThrownBy(() -> placementEndings.end(caseId, new PlacementEnd(LocalDate.of(2026, 9, 30), null)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThatThrownBy(() -> placementEndings.end(caseId, new PlacementEnd(LocalDate.of(2026, 9, 11),
                EndReason.DISENROLLED))).as("the Friday before the first day")
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("lastDay"));
        assertThatThrownBy(() -> placementEndings.end(caseId, new PlacementEnd(LocalDate.of(2026, 10, 10),
                EndReason.DISENROLLED))).as("the day after the agreement's last day")
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("lastDay"));
        assertThat(process).isWaitingAt("placementRunning");

        recordParticipation(caseId, LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 14));
        placementEndings.end(caseId, new PlacementEnd(LocalDate.of(2026, 9, 14), EndReason.RETURNED_TO_IN_PERSON));

        assertThat(process).hasPassed("placementEndedEarly", "closeCase").isEnded();
        assertThat(management.createJobQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(caseRecord.timelineOf(caseId)).last().satisfies(closed -> assertThat(closed.getDescription())
                .isEqualTo("Placement ended on 2026-09-14 (returned to in person)"));
    }

    @Test
    @DisplayName("TRN-02 ENR-02 the family withdraws while eligibility waits for the IEP team: the case closes and no task, timer or message subscription of it is left")
    void withdrawnDuringEligibility() {
        ProcessInstance process = start(startForm("S100004"));
        assertThat(process).isWaitingAt("determineIepParticipation");

        leaveAndAssertNothingLeft(process, EndReason.WITHDRAWN);
    }

    @Test
    @DisplayName("TRN-02 ENR-02 the parent disenrolls while the pre-enrollment conference is being scheduled: its task and escalation timer end with the case")
    void disenrolledDuringConferenceScheduling() {
        ProcessInstance process = withConference("S100001");
        assertThat(process).isWaitingAt("schedulePreEnrollmentConference");

        leaveAndAssertNothingLeft(process, EndReason.DISENROLLED);
    }

    @Test
    @DisplayName("TRN-02 the family withdraws while the agreement is drafted: the called agreement process ends with the case")
    void withdrawnDuringDrafting() {
        ProcessInstance process = start(startForm("S100001"));
        ProcessInstance agreement = calledProcessInstance(process);

        leaveAndAssertNothingLeft(process, EndReason.WITHDRAWN);
        assertThat(agreement).isEnded();
    }

    @Test
    @DisplayName("TRN-02 AGR-08 the parent disenrolls while the agreement is out for signature: the version is withdrawn and every family signing link stops working")
    void disenrolledDuringSigning() {
        ProcessInstance process = start(startForm("S100001"));
        ProcessInstance agreement = calledProcessInstance(process);
        complete(task(agreement), draft("teacher3"));
        Long versionId = versionOf(agreement);
        assertThat(openLinksOf(versionId)).isPositive();

        leaveAndAssertNothingLeft(process, EndReason.DISENROLLED);
        assertThat(openLinksOf(versionId)).isZero();
        assertThat(steps(caseIdOf(process))).contains("agreementWithdrawn");
    }

    @Test
    @DisplayName("TRN-02 ATT-06 the parent disenrolls an active placement with its last day: the case closes and its monthly evaluation ends; a withdrawal once active is a 400, any leaving once closed a 409")
    void disenrolledWhileActive() {
        ProcessInstance process = activeCase("S100001");
        Long caseId = caseIdOf(process);
        List<String> instances = instancesOf(caseId);
        assertThatThrownBy(() -> familyLeaving.leave(caseId, new Leaving(EndReason.WITHDRAWN, null, "Changed mind")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));

        familyLeaving.leave(caseId, new Leaving(EndReason.DISENROLLED, LocalDate.of(2026, 9, 30), "Moving away"));
        closeWithGaps(process);

        assertThat(process).hasPassed("placementEndedEarly", "closeCase").isEnded();
        assertNothingLeft(caseId, instances);
        assertThat(placements.placementOf(caseId)).isNotNull();
        assertThatThrownBy(() -> familyLeaving.leave(caseId, new Leaving(EndReason.DISENROLLED,
                LocalDate.of(2026, 9, 30), "again"))).isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("ENR-08 returning to in-person instruction from a course-based placement locks the semester too; a course-based request withdrawn before it began locks nothing")
    void courseBasedReturnLocksTheSemester() {
        assertThat(requestCourseBasedAgainAfterLeaving(EndReason.RETURNED_TO_IN_PERSON))
                .hasPassed("checkCourseBasedSemesterLock", "recordRefusal").isEnded();

        RequestBuilder withdrawn = students.requestForNewStudentLike("S100016");
        withdrawn.placement = PreferredPlacement.COURSE_BASED;
        ProcessInstance left = start(withdrawn.asStartForm());
        familyLeaving.leave(caseIdOf(left), new Leaving(EndReason.WITHDRAWN, null, "Stays in class after all"));
        RequestBuilder later = students.requestFor(students.student(withdrawn.student))
                .dates(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 4));
        later.placement = PreferredPlacement.COURSE_BASED;
        assertThat(start(later.asStartForm())).hasNotPassed("recordRefusal");
    }

    /**
     * A course-based placement of fall 2026 that the student left on 2026-10-01 (ENR-08), then a course-based
     * request for November in the same semester.
     */
    private ProcessInstance requestCourseBasedAgainAfterLeaving(EndReason leaving) {
        RequestBuilder first = students.requestForNewStudentLike("S100016");
        first.placement = PreferredPlacement.COURSE_BASED;
        ProcessInstance placed = start(first.asStartForm());
        signAgreement(calledProcessInstance(placed), "teacher", Map.of("courses",
                "English 1 | English | teacher | 5 | 2026-09-14 | 2026-10-09 | Read and write arguments from texts",
                "progressMeasurement", "Per unit; evaluation after three missed assignments"));
        placementEndings.end(caseIdOf(placed), new PlacementEnd(LocalDate.of(2026, 10, 1), leaving));
        closeWithGaps(placed);
        assertThat(placed).isEnded();
        RequestBuilder again = students.requestFor(students.student(first.student)).dates(LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 4));
        again.placement = PreferredPlacement.COURSE_BASED;
        return start(again.asStartForm());
    }

    @Test
    @DisplayName("TRN-01 the family asks to return: the return runs inside the case; placed from Mon Oct 5, the case closes with Fri Oct 2 as its last day, the monthly evaluation with it; a second request is a 409")
    void familyAsksToReturn() {
        ProcessInstance process = activeCase("S100001");
        Long caseId = caseIdOf(process);
        at("2026-09-30T17:00:00Z");

        returnRequests.request(caseId, new ReturnRequest(LocalDate.of(2026, 9, 30), "Parent called"), "counselor");

        assertThat(process).hasPassed("returnRequested").isWaitingAt("returnStudentToClassroom");
        assertThatThrownBy(() -> returnRequests.request(caseId, new ReturnRequest(null, "again"), "counselor"))
                .isInstanceOf(ConflictException.class);
        ProcessInstance transition = calledProcessInstance("return-to-classroom", process);
        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        complete(task("placeStudentInClassroom", transition), withVariables("classSchedule", "Periods 1-6",
                "classroomTeacher", "Marcus Bell", "firstDayInClass", "2026-10-05"));
        complete(task("handOverRecords", transition), withVariables("returnStepNote", "Cumulative file updated"));
        complete(task("closeAgreementForReturn", transition), withVariables("returnStepNote", "Closed with the parent"));
        identity.clearAuthentication();
        closeWithGaps(process);

        assertThat(process).hasPassed("returnStudentToClassroom", "closeCase", "caseClosed").isEnded();
        assertThat(instancesOf(caseId)).isEmpty();
        assertThat(caseRecord.timelineOf(caseId)).last().satisfies(closed -> assertThat(closed.getDescription())
                .isEqualTo("Placement ended on 2026-10-02 (returned to in person)"));
    }

    @Test
    @DisplayName("REE-09 TRN-03 the principal decides a return after the re-engagement conference: the case starts the same return to the classroom, asked for by the decision, and the re-engagement ends")
    void principalDecidesReturn() {
        ProcessInstance process = activeCase("S100001");
        Long caseId = caseIdOf(process);
        // nothing recorded in the placement's first week: REE-01
        reengagementWalk.sweepAfter(LocalDate.of(2026, 9, 18));
        ProcessInstance reengagement = reengagementWalk.processOf(caseId);
        reengagementWalk.contactAndOutreach(reengagement);
        reengagementWalk.improvementWindowEnds(reengagement);
        reengagementWalk.conferenceAndDecision(reengagement, "RETURN_TO_IN_PERSON");

        assertThat(reengagement).hasPassed("requestReturnAfterDecision", "closeAfterDecision").isEnded();
        assertThat(process).hasPassed("returnRequested").isWaitingAt("returnStudentToClassroom");
        assertThat(runtime.getVariable(calledProcessInstance("return-to-classroom", process).getId(),
                "returnRequestedBy")).isEqualTo("the principal's decision (REE-09)");
        assertThat(caseRecord.timelineOf(caseId)).extracting(TimelineEntry::getStep)
                .containsSubsequence("reengagementDecided", "reengagementEnded").doesNotContain("returnAlreadyUnderWay");
    }

    @Test
    @DisplayName("TRN-01 the family asks through its personal link: the page asks first, then records the request and the case starts the return; a second request, a tampered or an expired link records nothing")
    void familyAsksThroughTheLink() {
        ProcessInstance process = activeCase("S100001");
        Long caseId = caseIdOf(process);
        at("2026-09-21T17:00:00Z");
        Long parent = jdbc.queryForObject("select min(g.id) from guardian g join is_case c on c.student_id = g.student_id"
                + " where c.id = ?", Long.class, caseId);
        String link = URI.create(returnLinks.urlFor(caseId, parent, LocalDate.of(2026, 10, 9))).getPath();

        ResponseEntity<String> asked = rest.getForEntity(link, String.class);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asked.getBody()).contains("ask-return");
        assertThat(process).isWaitingAt("placementRunning");
        assertThat(rest.postForEntity(link.substring(0, link.length() - 2) + "xx", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String expired = URI.create(returnLinks.urlFor(caseId, parent, LocalDate.of(2026, 9, 20))).getPath();
        assertThat(rest.postForEntity(expired, null, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<String> recorded = rest.postForEntity(link, null, String.class);

        assertThat(recorded.getBody()).contains("return-recorded");
        assertThat(process).isWaitingAt("returnStudentToClassroom");
        assertThat(caseRecord.timelineOf(caseId)).extracting(TimelineEntry::getDescription)
                .anySatisfy(d -> assertThat(d).contains("2026-09-21").contains("through the e-mailed link"));
        assertThat(rest.postForEntity(link, null, String.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @DisplayName("Issue 12.8 TRN-01 a Spanish-speaking family's return page asks and confirms in Spanish (lang=\"es\"); the request is recorded as for any family")
    void returnPageInTheFamilysLanguage() {
        Student student = students.newStudentLike("S100001");
        jdbc.update("update student set home_language = 'es' where id = ?", student.getId());
        ProcessInstance process = start(startForm(student));
        signAgreement(calledProcessInstance(process));
        Long caseId = caseIdOf(process);
        at("2026-09-21T17:00:00Z");
        Long parent = jdbc.queryForObject("select min(id) from guardian where student_id = ?", Long.class,
                student.getId());
        String link = URI.create(returnLinks.urlFor(caseId, parent, LocalDate.of(2026, 10, 9))).getPath();

        assertThat(rest.getForEntity(link, String.class).getBody()).contains("<html lang=\"es\"",
                "¿Desea que " + student.getFirstName() + " deje el estudio independiente y regrese a la instrucción "
                        + "en persona en la escuela?", "Sí, solicitar el regreso al salón de clases")
                .doesNotContain("Back to in-person instruction");
        assertThat(rest.postForEntity(link, null, String.class).getBody()).contains("<html lang=\"es\"",
                "La escuela recibió su solicitud para que " + student.getFirstName() + " regrese a la instrucción en "
                        + "persona.");
        assertThat(process).isWaitingAt("returnStudentToClassroom");
        ResponseEntity<String> again = rest.postForEntity(link, null, String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody()).contains("ya está en trámite");
        assertThat(rest.getForEntity(link.substring(0, link.length() - 2) + "xx", String.class).getBody())
                .as("an unknown link tells no family: English").contains("<html lang=\"en\"", "This link does not work");
    }

    @Test
    @DisplayName("TRN-01 from Tasklist a counselor records the family's request by student number: the student's case starts the return; an unknown student fails the start form naming the field")
    void returnRequestedInTasklist() {
        Student student = students.newStudentLike("S100001");
        ProcessInstance process = start(startForm(student));
        signAgreement(calledProcessInstance(process));
        at("2026-09-21T17:00:00Z");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("return-request", Map.of("student", "S999999")))
                .satisfies(e -> assertThat(fieldsNamedBy(e)).containsOnlyKeys("student"));

        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        ProcessInstance request;
        try {
            request = runtime.startProcessInstanceByKey("return-request", Map.of("student",
                    student.getStudentNumber(), "returnNote", "The mother called the office"));
        } finally {
            identity.clearAuthentication();
        }

        assertThat(request).hasPassed("passReturnRequestToCase", "returnRequestPassedToCase").isEnded();
        assertThat(process).isWaitingAt("returnStudentToClassroom");
        assertThat(caseRecord.timelineOf(caseIdOf(process))).extracting(TimelineEntry::getDescription)
                .anySatisfy(d -> assertThat(d).contains("2026-09-21").contains("recorded by counselor")
                        .contains("The mother called the office"));
    }

    @Test
    @DisplayName("TRN-03 ATT-07 a formal evaluation that returns the student starts the same return to the classroom inside the case")
    void evaluationReturnsTheStudent() {
        ProcessInstance process = activeCase("S100001");
        Long caseId = caseIdOf(process);
        ProcessInstance evaluations = runtime.createProcessInstanceQuery().processDefinitionKey("progress-evaluation")
                .processInstanceBusinessKey(caseId.toString()).singleResult();
        at("2026-10-09T08:00:00Z");
        management.executeJob(dueTimers(evaluations).get(0).getId());
        complete(task("evaluateMonthlyProgress", evaluations), withVariables("achievementAndEngagement", false,
                "assignmentsAndAssessments", false, "conceptsLearned", true, "progressTowardCompletion", false,
                "evaluationNotes", "No work since September 21"));
        // no mail server runs for this class: once the mail outbox gives up, the notice is a letter a counselor mails
        String ofThisEvaluation = runtime.getVariable(evaluations.getId(), "evaluationId") + "/";
        assertThat(evaluations).isWaitingAt("evaluationNoticeMailSettled");
        while (mailOutbox.runNext("evaluation-notice", reference -> reference.startsWith(ofThisEvaluation))) {
            // each refusal waits for the next try
        }
        identity.setAuthentication("counselor", TasklistUser.groupsOf(identity, "counselor"));
        complete(task("mailEvaluationLetters", evaluations), withVariables("followUpNote", "Letter mailed"));
        identity.clearAuthentication();
        complete(task("decideWhetherStudentRemains", evaluations), withVariables("evaluationOutcome",
                "RETURN_TO_IN_PERSON", "outcomeNotes", "Independent study is not working for this student"));

        assertThat(evaluations).hasPassed("returnToInPersonDecided").isEnded();
        assertThat(process).hasPassed("returnDecidedByEvaluation").isWaitingAt("returnStudentAfterEvaluation");
        ProcessInstance transition = calledProcessInstance("return-to-classroom", process);
        assertThat(transition)
                .isWaitingAt("placeStudentInClassroom", "handOverRecords");
        assertThat(caseRecord.timelineOf(caseId)).extracting(TimelineEntry::getDescription)
                .anySatisfy(d -> assertThat(d).contains("the formal evaluation decided it"));
    }

    @Test
    @DisplayName("TRN-04 a placement whose days were not all recorded does not close silently: the counselor sees what is missing, has it recorded and the case closes; or closes with the gaps explained on the record")
    void closingWithRecordsComplete() {
        ProcessInstance process = activeCase("S100001");
        Long caseId = caseIdOf(process);
        recordParticipation(caseId, LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 15));
        placementEndings.end(caseId, new PlacementEnd(LocalDate.of(2026, 9, 16), EndReason.DISENROLLED));

        assertThat(process).isWaitingAt("completeCaseRecords");
        assertThat((String) runtime.getVariable(process.getId(), "recordsMissing"))
                .isEqualTo("ATT-01: no participation recorded for 1 school day(s): 2026-09-16");
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.ACTIVE);
        asCounselor(identity, () -> complete(task("completeCaseRecords", process),
                withVariables("closingDecision", "RECHECK")));
        assertThat(process).isWaitingAt("completeCaseRecords");
        assertThatThrownBy(() -> asCounselor(identity, () -> complete(task("completeCaseRecords", process),
                withVariables("closingDecision", "CLOSE_WITH_GAPS"))))
                .satisfies(e -> assertThat(fieldsNamedBy(e)).containsKey("closingNote"));

        recordParticipation(caseId, LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 16));
        asCounselor(identity, () -> complete(task("completeCaseRecords", process),
                withVariables("closingDecision", "RECHECK")));

        assertThat(process).hasPassed("closeCase", "caseClosed").isEnded();
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.CLOSED);
    }

    @Test
    @DisplayName("TRN-04 closing with gaps puts the counselor's reason and what was missing on the record")
    void closingWithGapsOnRecord() {
        ProcessInstance process = activeCase("S100001");
        Long caseId = caseIdOf(process);
        placementEndings.end(caseId, new PlacementEnd(LocalDate.of(2026, 9, 15), EndReason.DISENROLLED));

        closeWithGaps(process);

        assertThat(process).isEnded();
        assertThat(caseRecord.timelineOf(caseId)).filteredOn(e -> "closedWithGaps".equals(e.getStep())).singleElement()
                .satisfies(e -> assertThat(e.getDescription()).contains("by counselor")
                        .contains("2026-09-14, 2026-09-15").contains("The teacher kept those days on paper"));
    }

    private void recordParticipation(Long caseId, LocalDate from, LocalDate to) {
        participation.record("teacher3", calendar.schoolDaysBetween(from, to).stream().map(day ->
                new ParticipationEntry(caseId, day, ParticipationStatus.PARTICIPATORY, null, 60, 60, List.of()))
                .toList());
    }

    /** TRN-04: the counselor closes the case although days went unrecorded (these tests record no participation). */
    private void closeWithGaps(ProcessInstance process) {
        asCounselor(identity, () -> complete(task("completeCaseRecords", process), withVariables("closingDecision",
                "CLOSE_WITH_GAPS", "closingNote", "The teacher kept those days on paper")));
    }

    /** The family leaves before the placement is active; nothing of any process of the case is left waiting. */
    private void leaveAndAssertNothingLeft(ProcessInstance process, EndReason reason) {
        Long caseId = caseIdOf(process);
        List<String> instances = instancesOf(caseId);
        assertThatThrownBy(() -> familyLeaving.leave(caseId, new Leaving(reason, null, " ")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("note"));

        familyLeaving.leave(caseId, new Leaving(reason, null, "The parent called the school office"));

        assertThat(process).hasPassed("familyLeft", "closeAfterFamilyLeft", "caseClosedByFamily").isEnded();
        assertNothingLeft(caseId, instances);
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.CLOSED);
        assertThat(caseRecord.timelineOf(caseId)).last().satisfies(closed -> {
            assertThat(closed.getRuleId()).isEqualTo("TRN-02");
            assertThat(closed.getDescription()).contains("The parent called the school office");
        });
    }

    private List<String> instancesOf(Long caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId.toString()).list().stream()
                .map(ProcessInstance::getId).toList();
    }

    private void assertNothingLeft(Long caseId, List<String> instances) {
        assertThat(instancesOf(caseId)).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId.toString()).count())
                .isZero();
        for (String instance : instances) {
            assertThat(management.createJobQuery().processInstanceId(instance).count()).as("jobs of " + instance)
                    .isZero();
            assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance).count())
                    .as("message and signal subscriptions of " + instance).isZero();
        }
    }

    /** A case of a new student like the demo student, its agreement signed: the placement runs 2026-09-14..10-09. */
    private ProcessInstance activeCase(String demoStudent) {
        ProcessInstance process = start(startForm(demoStudent));
        signAgreement(calledProcessInstance(process));
        return process;
    }

    /** The written agreement of the called process drafted, signed by teacher, student and parent (AGR-06, AGR-09). */
    private void signAgreement(ProcessInstance agreement) {
        signAgreement(agreement, "teacher3", Map.of());
    }

    private void signAgreement(ProcessInstance agreement, String teacher, Map<String, Object> courseBased) {
        Map<String, Object> draft = draft(teacher);
        draft.putAll(courseBased);
        complete(task(agreement), draft);
        signAll(agreement, teacher);
    }

    /** The drafter's complete agreement for four weeks of fall 2026. */
    private static Map<String, Object> draft(String teacher) {
        return DraftFormVariables.complete(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 9), teacher);
    }

    /** Every signature still missing on the version out for signature, and the activation that follows. */
    private void signAll(ProcessInstance agreement, String teacher) {
        Long versionId = versionOf(agreement);
        for (RequiredSigner signer : signatures.unsignedSigners(versionId, LocalDate.of(2026, 9, 1))) {
            if (signer.role().isFamily()) {
                signatures.sign(versionId, signer.role(), signer.identity(), SignatureMethod.EMAIL_LINK);
            }
        }
        identity.setAuthentication(teacher, TasklistUser.groupsOf(identity, teacher));
        complete(task("signAsTeacher", agreement));
        identity.clearAuthentication();
        management.createJobQuery().processInstanceId(agreement.getId()).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    @Test
    @DisplayName("AGR-07 a principal ends a placement whose agreement was not signed by its deadline: the case closes with the student back in the classroom, no task or link left open")
    void unsignedPlacementEndsInTheClassroom() {
        Long caseId = intake.receive(students.requestForNewStudentLike("S100027")
                .dates(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 25)).build());
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceId(caseRecord.get(caseId).getProcessInstanceId()).singleResult();
        ProcessInstance agreement = calledProcessInstance(process);
        endUnsignedPlacement(agreement);

        assertThat(agreement).isEnded();
        assertThat(process).hasPassed("agreementNotSigned", "returnToClassroom", "returnedToClassroom")
                .hasNotPassed("placementActive").isEnded();
        var closed = caseRecord.get(caseId);
        assertThat(closed.getPhase()).isEqualTo(CasePhase.CLOSED);
        assertThat(closed.getClosingReason()).contains("returns to in-person (classroom) instruction");
        assertThat(caseRecord.timelineOf(caseId)).filteredOn(e -> "AGR-07".equals(e.getRuleId()))
                .extracting(TimelineEntry::getStep).containsSubsequence("signatureDeadlinePassed",
                        "unsignedAgreementDecided", "agreementWithdrawn", "caseClosed");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId.toString()).count())
                .isZero();
    }

    @Test
    @DisplayName("AGR-07 ENR-02 a placement ended unsigned closes every task of the case, also a principal's follow-up of an overdue conference still open")
    void unsignedPlacementEndLeavesNoStaleTask() {
        Map<String, Object> form = requestFor(students.newStudentLike("S100008"), "2026-09-14", "2026-09-25");
        form.put("conferenceRequested", true);
        ProcessInstance process = start(form);
        Long caseId = caseIdOf(process);
        ProcessInstance agreement = calledProcessInstance(process);
        at("2026-09-10T07:00:00Z");
        management.executeJob(dueTimers(process).get(0).getId());
        assertThat(process).isWaitingAt("schedulePreEnrollmentConference", "followUpConferenceScheduling");
        complete(task("schedulePreEnrollmentConference", process), withVariables("conferenceModality", "TELEPHONE",
                "conferenceDate", "2026-09-11", "conferenceAttendees", "Parent, student, counselor"));
        at("2026-09-11T20:00:00Z");
        complete(task("recordPreEnrollmentConference", process), withVariables("conferenceOutcome", "HELD",
                "conferenceHeldOn", "2026-09-11", "optionsCovered", true, "curriculumCovered", true,
                "supportsCovered", true));
        endUnsignedPlacement(agreement);

        assertThat(process).hasPassed("returnedToClassroom").isEnded();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId.toString()).count())
                .isZero();
    }

    /**
     * The short-term agreement of a 2026-09-14..25 placement drafted and never signed; when its deadline has
     * passed, a principal ends the placement (AGR-07).
     */
    private void endUnsignedPlacement(ProcessInstance agreement) {
        complete(task(agreement), DraftFormVariables.complete(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 25),
                "teacher3"));

        // short-term: 10 school days after Monday 2026-09-14 is Monday 2026-09-28
        at("2026-09-29T16:00:00Z");
        management.createJobQuery().processInstanceId(agreement.getId()).executable().list()
                .forEach(job -> management.executeJob(job.getId()));
        identity.setAuthentication("principal", TasklistUser.groupsOf(identity, "principal"));
        complete(task("decideUnsignedAgreement", agreement), withVariables("unsignedAgreementDecision",
                "END_PLACEMENT", "decisionNote", "The family wants the classroom back"));
        identity.clearAuthentication();
    }

    @Test
    @DisplayName("ENR-02 a conference asked for at intake is scheduled within 5 school days and held; the agreement drafted meanwhile is not sent for signature before, then goes back to its drafter and out")
    void conferenceAtIntakeHoldsTheAgreementBack() {
        ProcessInstance process = withConference("S100002");
        Long caseId = caseIdOf(process);
        ProcessInstance agreement = calledProcessInstance(process);
        assertThat(process).isWaitingAt("schedulePreEnrollmentConference", "draftAndSignAgreement");
        assertThat(task(process)).hasCandidateGroup("counselors")
                .hasDueDate(Date.from(Instant.parse("2026-09-10T07:00:00Z")));

        complete(task(agreement), draft("teacher3"));
        assertThat(agreement).hasPassed("conferencePending").isWaitingAt("awaitPreEnrollmentConference");
        assertThat(steps(caseId)).doesNotContain("agreementSentForSignature");

        complete(task(process), withVariables("conferenceModality", "TELEPHONE", "conferenceDate", "2026-09-03",
                "conferenceAttendees", "Parent, student, counselor"));
        assertThat(task(process)).hasDefinitionKey("recordPreEnrollmentConference").hasCandidateGroup("counselors");
        at("2026-09-03T20:00:00Z");
        complete(task(process), withVariables("conferenceOutcome", "HELD", "conferenceHeldOn", "2026-09-03",
                "optionsCovered", true, "curriculumCovered", true, "supportsCovered", true));

        assertThat(process).hasPassed("conferenceSettled").isWaitingAt("draftAndSignAgreement");
        assertThat(agreement).isWaitingAt("draftAgreement");
        complete(task(agreement), draft("teacher3"));
        assertThat(agreement).isWaitingAt("signAsTeacher", "awaitFamilySignatures");
        assertThat(steps(caseId)).containsSubsequence("preEnrollmentConferenceScheduled",
                "preEnrollmentConferenceHeld", "agreementSentForSignature");
    }

    @Test
    @DisplayName("ENR-02 the parent withdraws the conference request: the case record says so and the case goes on to the agreement, sent for signature")
    void conferenceRequestWithdrawn() {
        ProcessInstance process = conferenceScheduledOn("S100003", "2026-09-03");
        Long caseId = caseIdOf(process);
        complete(task(process), withVariables("conferenceOutcome", "WITHDRAWN",
                "withdrawalNote", "The family has no more questions"));

        assertThat(process).hasPassed("conferenceSettled").isWaitingAt("draftAndSignAgreement");
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.AGREEMENT);
        assertThat(caseRecord.timelineOf(caseId)).filteredOn(e -> e.getStep().equals("conferenceRequestWithdrawn"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getRuleId()).isEqualTo("ENR-02");
                    assertThat(e.getDescription()).contains("The parent withdrew the request for a pre-enrollment "
                            + "conference: The family has no more questions", "goes on to the written agreement");
                });
        ProcessInstance agreement = calledProcessInstance(process);
        complete(task(agreement), draft("teacher3"));
        assertThat(agreement).isWaitingAt("signAsTeacher", "awaitFamilySignatures");
    }

    @Test
    @DisplayName("ENR-02 the parent asks after the agreement went out: signing is put on hold, links revoked; the advocate asked for is required by the server; after the conference the agreement is reviewed and sent again; refused while pending, once the family signed, and once active")
    void laterRequestPutsSigningOnHold() {
        ProcessInstance process = start(startForm("S100005"));
        Long caseId = caseIdOf(process);
        ProcessInstance agreement = calledProcessInstance(process);
        complete(task(agreement), draft("teacher3"));
        Long sent = versionOf(agreement);
        RequiredSigner student = signatures.requiredSigners(sent, LocalDate.of(2026, 9, 1)).stream()
                .filter(s -> s.role() == SignerRole.STUDENT).findFirst().orElseThrow();
        assertThat(openLinksOf(sent)).as("the family's links went out").isPositive();

        conferenceRequests.request(caseId, new PreEnrollmentConference.Request(ConferenceModality.TELEPHONE, true));

        assertThat(agreement).hasPassed("signingHeldForConference").isWaitingAt("awaitPreEnrollmentConference");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(agreement.getId()).count())
                .as("the signing tasks are withdrawn").isZero();
        assertThat(signatures.sign(sent, SignerRole.STUDENT, student.identity(), SignatureMethod.EMAIL_LINK))
                .isEqualTo(SignatureOutcome.VERSION_SUPERSEDED);
        assertThat(openLinksOf(sent)).as("the family's links are revoked").isZero();
        assertThat(steps(caseId)).containsSubsequence("agreementSentForSignature", "preEnrollmentConferenceRequested",
                "signingHeldForConference");
        assertThat(caseRecord.timelineOf(caseId)).filteredOn(e -> e.getStep().equals("signingHeldForConference"))
                .singleElement().extracting(TimelineEntry::getDescription).asString()
                .contains("signing links no longer work");
        assertThatThrownBy(() -> conferenceRequests.request(caseId, new PreEnrollmentConference.Request(null, false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("still pending");

        // ENR-02: the advocate the family asked for is required by the server, not only by the form
        Map<String, Object> schedule = withVariables("conferenceModality", "TELEPHONE", "conferenceDate",
                "2026-09-03", "conferenceAttendees", "Parent, student, counselor");
        assertThatThrownBy(() -> complete(task(process), schedule))
                .satisfies(e -> assertThat(fieldsNamedBy(e)).containsOnlyKeys("conferenceAdvocate"));
        schedule.put("conferenceAdvocate", "Rosa Diaz, parent advocate");
        complete(task(process), schedule);
        at("2026-09-03T20:00:00Z");
        Map<String, Object> held = withVariables("conferenceOutcome", "HELD", "conferenceHeldOn", "2026-09-03",
                "optionsCovered", true, "curriculumCovered", true, "supportsCovered", true);
        assertThatThrownBy(() -> complete(task(process), held))
                .satisfies(e -> assertThat(fieldsNamedBy(e)).containsOnlyKeys("advocateAttended"));
        held.put("advocateAttended", true);
        complete(task(process), held);
        assertThat(caseRecord.timelineOf(caseId)).filteredOn(e -> e.getStep().equals("preEnrollmentConferenceHeld"))
                .singleElement().extracting(TimelineEntry::getDescription).asString()
                .contains("advocate Rosa Diaz, parent advocate attended");

        assertThat(agreement).isWaitingAt("draftAgreement");
        complete(task(agreement), draft("teacher3"));
        Long resent = versionOf(agreement);
        assertThat(resent).isNotEqualTo(sent);
        assertThat(agreement).isWaitingAt("signAsTeacher", "awaitFamilySignatures");

        signatures.sign(resent, SignerRole.STUDENT, student.identity(), SignatureMethod.EMAIL_LINK);
        int entries = caseRecord.timelineOf(caseId).size();
        assertThatThrownBy(() -> conferenceRequests.request(caseId, new PreEnrollmentConference.Request(null, false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("the family has signed version 2");
        assertThat(caseRecord.timelineOf(caseId)).hasSize(entries);
        assertThat(agreement).isWaitingAt("signAsTeacher", "awaitFamilySignatures");

        signAll(agreement, "teacher3");
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.ACTIVE);
        assertThatThrownBy(() -> conferenceRequests.request(caseId, new PreEnrollmentConference.Request(null, false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("is ACTIVE");
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
        ProcessInstance refused = requestCourseBasedAgainAfterLeaving(EndReason.DISENROLLED);

        assertThat(refused).hasPassed("checkCourseBasedSemesterLock", "recordRefusal").isEnded();
        assertRefused(caseIdOf(refused), "ENR-08");
    }

    @Test
    @DisplayName("AGR-12 ENR-06 a later placement in the same school year waits for the open case to close, may not overlap its days, and is documented by a supplement to the signed master agreement")
    void laterPlacementGetsASupplement() {
        Student student = students.newStudentLike("S100001");
        ProcessInstance first = start(students.requestFor(student).asStartForm());
        Long firstCase = caseIdOf(first);
        signAgreement(calledProcessInstance(first));
        long cases = caseRecord.casesOfStudent(student.getId()).size();

        assertThatThrownBy(() -> start(requestFor(student, "2026-11-02", "2026-12-04")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.caseId()).isEqualTo(firstCase))
                .hasMessageContaining("open case " + firstCase);
        placementEndings.end(firstCase, new PlacementEnd(LocalDate.of(2026, 10, 8), EndReason.RETURNED_TO_IN_PERSON));
        closeWithGaps(first);
        assertThatThrownBy(() -> start(requestFor(student, "2026-10-08", "2026-10-30")))
                .as("its last day, Thursday 2026-10-08, overlaps")
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.caseId()).isEqualTo(firstCase));
        assertThat(caseRecord.casesOfStudent(student.getId())).hasSize((int) cases);

        // Friday 2026-10-09 is a pupil-free day: the next school day is free
        ProcessInstance later = start(requestFor(student, "2026-10-12", "2026-11-13"));

        assertThat(later).isWaitingAt("draftAndSignAgreement");
        Long laterCase = caseIdOf(later);
        assertThat(placements.placementOf(laterCase).cumulativeSchoolDaysBefore()).as("the first placement's days")
                .isEqualTo(calendar.countSchoolDays(LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8)));
        Long master = drafting.currentVersionOfCase(firstCase).orElseThrow().getAgreementId();
        WrittenAgreement supplement = agreements.findByCaseIdOrderByIdDesc(laterCase).get(0);
        assertThat(supplement.getKind()).isEqualTo(WrittenAgreement.Kind.SUPPLEMENT);
        assertThat(supplement.getMasterAgreementId()).isEqualTo(master);
    }

    @Test
    @DisplayName("ENR-01 a start form without a family requester fails the start: no case, no process instance")
    void badStartFormCreatesNothing() {
        Student student = students.newStudentLike("S100008");
        Map<String, Object> form = startForm(student);
        form.remove("requesterGuardianId");
        Long studentId = student.getId();
        int cases = caseRecord.casesOfStudent(studentId).size();
        long instances = runtime.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> start(form))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("requester");
        assertThat(caseRecord.casesOfStudent(studentId)).hasSize(cases);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    @DisplayName("Issue 12.4 ENR-03 AGR-07 CAL-02 the IEP team's determination is due as the placement's first school day begins: asked from Saturday before Labor Day, as Tuesday begins")
    void iepDeterminationDueAsThePlacementBegins() {
        ProcessInstance process = start(requestFor(students.newStudentLike("S100004"), "2026-09-05", "2026-10-09"));

        assertThat(process).isWaitingAt("determineIepParticipation");
        assertThat(task(process)).hasDueDate(Date.from(Instant.parse("2026-09-08T07:00:00Z")));
    }

    @Test
    @DisplayName("Issue 12.4 ENR-02 CAL-02 the principal's follow-up of an unscheduled conference is due by the end of the school day after the missed deadline (Labor Day inside it), the record of the conference by the end of the school day after the scheduled day (a Friday before Labor Day: Tuesday)")
    void conferenceTasksDueOnTheSchoolCalendar() {
        ProcessInstance scheduled = conferenceScheduledOn("S100003", "2026-09-04");
        assertThat(task(scheduled)).hasDefinitionKey("recordPreEnrollmentConference")
                .hasDueDate(Date.from(Instant.parse("2026-09-09T06:59:59.999Z")));

        // requested Tuesday 2026-09-01: five school days after is Wednesday 2026-09-09 (Labor Day in between)
        ProcessInstance overdue = withConference("S100003");
        at("2026-09-10T07:00:00Z");
        management.executeJob(dueTimers(overdue).get(0).getId());
        assertThat(task("followUpConferenceScheduling", overdue)).hasCandidateGroup("principals")
                .hasDueDate(Date.from(Instant.parse("2026-09-11T06:59:59.999Z")));
    }

    @Test
    @DisplayName("Issue 12.4 TRN-04 CAL-02 records missing at the close are due by the end of the school day after the placement's last day: a Thursday before a pupil-free Friday gives Monday")
    void missingRecordsDueTheNextSchoolDay() {
        ProcessInstance process = activeCase("S100001");
        placementEndings.end(caseIdOf(process), new PlacementEnd(LocalDate.of(2026, 10, 8), EndReason.DISENROLLED));

        assertThat(process).isWaitingAt("completeCaseRecords");
        assertThat(task("completeCaseRecords", process)).hasDueDate(Date.from(Instant.parse("2026-10-13T06:59:59.999Z")));
    }

    @Test
    @DisplayName("Issue 12.5 ENR-02 a conference recorded as held tomorrow is refused as Tasklist submits the form, naming conferenceHeldOn and the day; nothing is saved and the task stays open")
    void conferenceHeldInTheFutureIsRefused() {
        ProcessInstance process = conferenceScheduledOn("S100002", "2026-09-02");
        Long caseId = caseIdOf(process);
        String recordTask = task(process).getId();
        int entries = caseRecord.timelineOf(caseId).size();

        assertThatThrownBy(() -> asCounselor(identity, () -> engine.getFormService().submitTaskForm(recordTask,
                Map.of("conferenceOutcome", "HELD", "conferenceHeldOn", "2026-09-02", "optionsCovered", true,
                        "curriculumCovered", true, "supportsCovered", true))))
                .hasMessageContaining("conferenceHeldOn: 2026-09-02 is in the future (today is 2026-09-01)");

        assertThat(engine.getTaskService().createTaskQuery().taskId(recordTask).count()).as("the task stays open").isOne();
        assertThat(runtime.getVariable(process.getId(), "conferenceHeldOn")).isNull();
        assertThat(caseRecord.timelineOf(caseId)).hasSize(entries);
        assertThat(conference.pendingFor(caseId)).isTrue();
    }

    @Test
    @DisplayName("Issue 12.5 ENR-01 a family's request received tomorrow fails Tasklist's start form naming receivedOn and the day: no case, no process instance")
    void requestReceivedInTheFutureFailsTheStartForm() {
        Student student = students.newStudentLike("S100001");
        Map<String, Object> form = startForm(student);
        form.put("receivedOn", "2026-09-02");
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(CaseVariables.PROCESS_KEY).latestVersion().singleResult().getId();
        long instances = runtime.createProcessInstanceQuery().count();

        assertThatThrownBy(() -> asCounselor(identity, () -> engine.getFormService().submitStartForm(definition, form)))
                .hasMessageContaining("receivedOn: the request date 2026-09-02 is in the future");

        assertThat(caseRecord.casesOfStudent(student.getId())).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    /** A case whose family asked for a conference at intake, scheduled by telephone on the day given. */
    private ProcessInstance conferenceScheduledOn(String student, String day) {
        ProcessInstance process = withConference(student);
        complete(task(process), withVariables("conferenceModality", "TELEPHONE", "conferenceDate", day,
                "conferenceAttendees", "Parent, counselor"));
        return process;
    }

    private ProcessInstance withConference(String student) {
        Map<String, Object> form = startForm(student);
        form.put("conferenceRequested", true);
        return start(form);
    }

    private Map<String, Object> requestFor(Student student, String start, String end) {
        return students.requestFor(student).dates(LocalDate.parse(start), LocalDate.parse(end)).asStartForm();
    }

    /** A counselor submits Tasklist's start form. */
    private ProcessInstance start(Map<String, Object> form) {
        return runtime.startProcessInstanceByKey(CaseVariables.PROCESS_KEY, form);
    }

    /** What a counselor enters in Tasklist's start form for a request of the parent of a new student like this one. */
    private Map<String, Object> startForm(String studentNumber) {
        return startForm(students.newStudentLike(studentNumber));
    }

    private Map<String, Object> startForm(Student student) {
        RequestBuilder request = students.requestFor(student);
        request.plan504 = "504-2026-17";
        return request.asStartForm();
    }

    private int openLinksOf(Long versionId) {
        return jdbc.queryForObject("select count(*) from signing_link where agreement_version_id = ? and not superseded"
                + " and used_at is null", Integer.class, versionId);
    }

    private Long versionOf(ProcessInstance agreement) {
        return (Long) runtime.getVariable(agreement.getId(), "agreementVersionId");
    }

    /** The fields a refused task completion names (the engine wraps what a task listener throws). */
    private static Map<String, String> fieldsNamedBy(Throwable refusal) {
        for (Throwable e = refusal; e != null; e = e.getCause()) {
            if (e instanceof InvalidRequestException invalid) {
                return invalid.fieldErrors();
            }
        }
        throw new AssertionError("not refused with the fields named", refusal);
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
