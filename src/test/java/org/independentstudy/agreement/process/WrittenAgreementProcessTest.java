package org.independentstudy.agreement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.agreement.AgreementScenarios;
import org.independentstudy.agreement.AgreementSignature;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.RequiredSigner;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.agreement.SignatureOutcome;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.people.Student;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.Api;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RecordedFamilySignatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The written-agreement process, path by path, on the engine with the job executor off. */
@IntegrationTest
class WrittenAgreementProcessTest {

    private static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");
    private static final LocalDate START = AgreementScenarios.START;
    private static final LocalDate END = AgreementScenarios.END;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    AgreementScenarios scenarios;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void setUp() {
        init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    private record Scenario(Long caseId, Student student, ProcessInstance process) {
    }

    /** The version the process works on now (the process may have ended). */
    private Long versionOf(Scenario scenario) {
        return (Long) historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(scenario.process().getId()).variableName("agreementVersionId").singleResult()
                .getValue();
    }

    private Scenario start(String studentNumber, FamilyRequest.PreferredPlacement preferred) {
        Student student = scenarios.student(studentNumber);
        Long caseId = scenarios.enrolledCase(student, preferred, START, END);
        ProcessInstance process = runtimeService.startProcessInstanceByKey("written-agreement", caseId.toString(),
                Map.of("caseId", caseId));
        return new Scenario(caseId, student, process);
    }

    private static Map<String, Object> completeDraft(String supervisingTeacher, String courses) {
        Map<String, Object> form = DraftFormVariables.complete(START, END, supervisingTeacher);
        form.put("courses", courses);
        form.put("progressMeasurement", courses == null ? null : "Per unit; evaluation after three missed assignments");
        return form;
    }

    /** Completes the task as the logged-in staff member, with their groups, as Tasklist does. */
    private void signAsStaff(Task task, String username) {
        List<String> groups = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(username, groups);
        try {
            taskService.complete(task.getId(), Map.of("agreementReadAndSigned", true));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void signAsFamily(Scenario scenario, SignerRole role) {
        String identity = scenarios.identityOf(versionOf(scenario), role);
        assertThat(signatures.sign(versionOf(scenario), role, identity, SignatureMethod.EMAIL_LINK))
                .isEqualTo(SignatureOutcome.SIGNED);
    }

    private List<Task> tasks(Scenario scenario, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(scenario.process().getId()).taskDefinitionKey(taskKey)
                .list();
    }

    /** Runs every job due now: the join of the signature branches, timers whose time has come. */
    private void runDueJobs(Scenario scenario) {
        List<Job> due;
        while (!(due = managementService.createJobQuery().processInstanceId(scenario.process().getId())
                .executable().list()).isEmpty()) {
            due.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private List<String> stepsOf(Long caseId) {
        return caseRecord.timelineOf(caseId).stream().map(TimelineEntry::getStep).toList();
    }

    @Test
    @DisplayName("AGR-03 an incomplete draft returns to drafting with every problem listed; complete, it goes to the teacher and the family, and the signed agreement activates the case (AGR-09)")
    void draftValidateSignActivate() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);
        assertThat(scenario.process()).isWaitingAt("draftAgreement");
        assertThat(caseRecord.get(scenario.caseId()).getPhase()).isEqualTo(CasePhase.AGREEMENT);
        assertThat(task(scenario.process())).hasCandidateGroup("teachers").hasCandidateGroup("counselors");
        assertThat(scenario.process()).variables().containsEntry("startDate", START.toString())
                .containsKey("studentParticulars").containsEntry("resourcesProvided", "Provided to the student: "
                        + "a device on loan from the district; internet connectivity (a hotspot) from the district.");

        Map<String, Object> incomplete = completeDraft("teacher", null);
        incomplete.put("supports", "");
        incomplete.put("evaluationMethods", null);
        taskService.complete(task(scenario.process()).getId(), incomplete);
        assertThat(scenario.process()).isWaitingAt("draftAgreement").variables()
                .containsEntry("agreementReady", false)
                .containsEntry("agreementProblems", "AGR-03: the methods of evaluation is missing\n"
                        + "AGR-03: the academic and other supports (not at grade level, English learner, IEP/504, "
                        + "foster or homeless youth, mental health) is missing");

        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null));
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures");
        assertThat(tasks(scenario, "signAsTeacher")).singleElement().satisfies(t -> assertThat(t).hasCandidateUser("teacher"));
        assertThat(tasks(scenario, "signAsSpecialEducationDesignee")).isEmpty();

        signAsFamily(scenario, SignerRole.STUDENT);
        signAsStaff(tasks(scenario, "signAsTeacher").get(0), "teacher");
        assertThat(scenario.process()).isWaitingAt("awaitFamilySignatures");
        signAsFamily(scenario, SignerRole.PARENT_OR_GUARDIAN);
        runDueJobs(scenario);

        assertThat(scenario.process()).isEnded().hasPassed("activateAgreement");
        assertThat(caseRecord.get(scenario.caseId()).getPhase()).isEqualTo(CasePhase.ACTIVE);
        assertThat(stepsOf(scenario.caseId())).containsSubsequence("agreementSentForSignature", "agreementSigned",
                "agreementSigned", "agreementSigned", "agreementFullySigned", "independentStudyActivated");
    }

    @Test
    @DisplayName("AGR-06 AGR-09 a family without e-mail signs in person and on paper: the process leaves awaitFamilySignatures as with links, and the signed agreement activates the case")
    void familyWithoutEmailSignsInPersonAndOnPaper() {
        scenarios.familyWithoutEmail("S300701", "Elena Mendez");
        Scenario scenario = start("S300701", FamilyRequest.PreferredPlacement.LONG_TERM);
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null));
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures");
        Long parentId = signatures.requiredSigners(versionOf(scenario), START).stream()
                .filter(r -> r.role() == SignerRole.PARENT_OR_GUARDIAN).findFirst().orElseThrow().guardianId();
        ZonedDateTime now = NOW.atZone(FixedEngineClock.DISTRICT);

        assertThat(RecordedFamilySignatures.inPerson(rest, "counselor", scenario.caseId(),
                RecordedFamilySignatures.statement(1, parentId, now)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.process()).isWaitingAt("awaitFamilySignatures");
        assertThat(RecordedFamilySignatures.onPaper(rest, "teacher", scenario.caseId(),
                RecordedFamilySignatures.statement(1, null, now), "student-signature.pdf",
                RecordedFamilySignatures.SCAN).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(scenario.process()).isNotWaitingAt("awaitFamilySignatures").isWaitingAt("signAsTeacher");

        signAsStaff(tasks(scenario, "signAsTeacher").get(0), "teacher");
        runDueJobs(scenario);
        assertThat(scenario.process()).isEnded().hasPassed("awaitFamilySignatures", "activateAgreement");
        assertThat(caseRecord.get(scenario.caseId()).getPhase()).isEqualTo(CasePhase.ACTIVE);
        assertThat(signatures.signaturesOf(versionOf(scenario))).extracting(AgreementSignature::getMethod)
                .containsExactly(SignatureMethod.IN_PERSON, SignatureMethod.PAPER, SignatureMethod.TASKLIST);
    }

    @Test
    @DisplayName("AGR-06 a course-based agreement of a student with an IEP: each course teacher and the special-education designee sign in Tasklist")
    void courseTeachersAndSpecialEducationSignInTasklist() {
        Scenario scenario = start("S100013", FamilyRequest.PreferredPlacement.COURSE_BASED);
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher",
                "Algebra I | Mathematics | teacher2 | 5 | 2027-01-11 | 2027-03-26 | Linear equations and functions\n"
                + "English 11 | English | teacher | 5 | 2027-01-11 | 2027-03-26 | Argumentative essays"));

        assertThat(tasks(scenario, "signAsTeacher")).hasSize(2);
        List<Task> designee = tasks(scenario, "signAsSpecialEducationDesignee");
        assertThat(designee).singleElement().satisfies(t -> assertThat(t).hasCandidateGroup("special-education"));
        for (Task teacherTask : tasks(scenario, "signAsTeacher")) {
            String teacher = taskService.getIdentityLinksForTask(teacherTask.getId()).get(0).getUserId();
            signAsStaff(teacherTask, teacher);
        }
        signAsStaff(designee.get(0), "sped");
        signAsFamily(scenario, SignerRole.STUDENT);
        signAsFamily(scenario, SignerRole.PARENT_OR_GUARDIAN);
        runDueJobs(scenario);

        assertThat(scenario.process()).isEnded();
        assertThat(signatures.signaturesOf(versionOf(scenario))).extracting(AgreementSignature::getSignerRole)
                .containsExactlyInAnyOrder(SignerRole.COURSE_TEACHER, SignerRole.COURSE_TEACHER,
                        SignerRole.SPECIAL_EDUCATION_DESIGNEE, SignerRole.STUDENT, SignerRole.PARENT_OR_GUARDIAN);
    }

    @Test
    @DisplayName("AGR-07 before the deadline the unsigned parties are reminded and a principal follows up; at the deadline the consequence is on the case record; signed late, a long-term placement starts after the last signature")
    void reminderEscalationAndDeadline() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null));
        signAsFamily(scenario, SignerRole.STUDENT);

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-07T09:00:00Z")));
        runDueJobs(scenario);
        assertThat(tasks(scenario, "escalateUnsignedAgreement")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("principals"));
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures",
                "escalateUnsignedAgreement");
        assertThat(scenario.process()).variables().extractingByKey("unsignedSigners").asString()
                .contains("(PARENT_OR_GUARDIAN)", "Marcus Bell (SUPERVISING_TEACHER)").doesNotContain("(STUDENT)");

        identityService.setAuthentication("principal", List.of("principals"));
        taskService.complete(tasks(scenario, "escalateUnsignedAgreement").get(0).getId(),
                Map.of("escalationNote", "Called the parent; she signs on Monday"));
        identityService.clearAuthentication();
        assertThat(caseRecord.timelineOf(scenario.caseId())).filteredOn(e -> "AGR-07".equals(e.getRuleId()))
                .extracting(TimelineEntry::getActor, TimelineEntry::getStep).contains(
                        tuple("principal", "unsignedAgreementFollowedUp"));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-11T09:00:00Z")));
        runDueJobs(scenario);
        TimelineEntry passed = caseRecord.timelineOf(scenario.caseId()).stream()
                .filter(e -> e.getStep().equals("signatureDeadlinePassed")).findFirst().orElseThrow();
        assertThat(passed.getRuleId()).isEqualTo("AGR-07");
        assertThat(passed.getDescription()).contains("no day before it counts");
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures");

        // signed late, the day after the planned first day (Jan 11): independent study starts the next school day
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-12T20:00:00Z")));
        signAsFamily(scenario, SignerRole.PARENT_OR_GUARDIAN);
        signAsStaff(tasks(scenario, "signAsTeacher").get(0), "teacher");
        runDueJobs(scenario);
        assertThat(scenario.process()).isEnded().variables()
                .containsEntry("independentStudyStartDate", Date.from(Instant.parse("2027-01-13T08:00:00Z")));
    }

    @Test
    @DisplayName("AGR-08 re-signing after an edit: a revision withdraws the version out for signature, the edited agreement is signed again")
    void revisionMakesANewVersionToSign() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null));
        Long first = versionOf(scenario);
        signAsFamily(scenario, SignerRole.STUDENT);

        assertThat(Api.as(rest, "counselor").postForEntity("/api/cases/{id}/agreement/revision",
                Map.of("reason", "the family asked for Thursday submissions"), Void.class, scenario.caseId())
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(scenario.process()).isWaitingAt("draftAgreement");

        Map<String, Object> edited = completeDraft("teacher", null);
        edited.put("submissionAndReporting", "Weekly on Thursdays at the school office");
        taskService.complete(task(scenario.process()).getId(), edited);
        Long second = versionOf(scenario);
        assertThat(second).isNotEqualTo(first);
        assertThat(signatures.signaturesOf(first)).hasSize(1);
        assertThat(signatures.unsignedSigners(second, LocalDate.of(2026, 11, 30))).extracting(RequiredSigner::role)
                .contains(SignerRole.STUDENT);
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures");
    }
}
