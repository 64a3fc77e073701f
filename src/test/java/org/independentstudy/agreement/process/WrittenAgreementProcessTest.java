package org.independentstudy.agreement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementScenarios;
import org.independentstudy.agreement.AgreementSignature;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.AgreementVersion;
import org.independentstudy.agreement.AgreementVersionRepository;
import org.independentstudy.agreement.FamilySigningLinkUndelivered;
import org.independentstudy.agreement.RequiredSigner;
import org.independentstudy.agreement.SignatureDeadlines;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.agreement.SignatureOutcome;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.agreement.SupervisorCredentials;
import org.independentstudy.cases.ConferenceRequests;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.people.Student;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.signing.SigningMailbox;
import org.independentstudy.support.Api;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.MailOutboxTries;
import org.independentstudy.support.RecordedFamilySignatures;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The written-agreement process, path by path, on the engine with the job executor off. */
@IntegrationTest
class WrittenAgreementProcessTest {

    private static final Instant NOW = Instant.parse("2026-11-30T17:00:00Z");
    private static final LocalDate START = AgreementScenarios.START;
    private static final LocalDate END = AgreementScenarios.END;
    /** Short-term from Monday Jan 11: 8 school days (Jan 15 is a staff day, Jan 18 a holiday). */
    private static final LocalDate SHORT_END = LocalDate.of(2027, 1, 22);
    /** The end of the 10th school day after Jan 11: Wednesday Jan 27 in the district. */
    private static final Instant SHORT_TERM_DEADLINE_AT = Instant.parse("2027-01-28T07:59:59.999Z");
    private static final Instant SHORT_TERM_REMINDER_DAY = Instant.parse("2027-01-25T09:00:00Z");
    private static final Instant AFTER_SHORT_TERM_DEADLINE = Instant.parse("2027-01-28T09:00:00Z");
    /** A long-term agreement from START is signed before its first day begins (AGR-07). */
    private static final Instant LONG_TERM_DEADLINE_AT = Instant.parse("2027-01-11T08:00:00Z");

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

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
    AgreementVersionRepository versions;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents students;
    @Autowired
    PreEnrollmentConference conference;
    @Autowired
    ConferenceRequests conferenceRequests;
    @Autowired
    AgreementDrafting drafting;
    @Autowired
    SupervisorCredentials credentials;
    @Autowired
    StaffMemberRepository staff;
    @Autowired
    MailOutboxTries mailTries;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void setUp() {
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
        return start(studentNumber, preferred, END);
    }

    private Scenario start(String studentNumber, FamilyRequest.PreferredPlacement preferred, LocalDate end) {
        Student student = students.newStudentLike(studentNumber);
        Long caseId = scenarios.enrolledCase(student, preferred, START, end);
        ProcessInstance process = runtimeService.startProcessInstanceByKey("written-agreement", caseId.toString(),
                Map.of("caseId", caseId));
        return new Scenario(caseId, student, process);
    }

    private static Map<String, Object> completeDraft(String supervisingTeacher, String courses) {
        return completeDraft(supervisingTeacher, courses, END);
    }

    private static Map<String, Object> completeDraft(String supervisingTeacher, String courses, LocalDate end) {
        Map<String, Object> form = DraftFormVariables.complete(START, end, supervisingTeacher);
        form.put("courses", courses);
        form.put("progressMeasurement", courses == null ? null : "Per unit; evaluation after three missed assignments");
        return form;
    }

    /** Submits the drafting form as the logged-in staff member, as Tasklist does. */
    private void draftAs(String username, Scenario scenario, Map<String, Object> form) {
        List<String> groups = identityService.createGroupQuery().groupMember(username).list().stream()
                .map(group -> group.getId()).toList();
        identityService.setAuthentication(username, groups);
        try {
            engine.getFormService().submitTaskForm(task("draftAgreement", scenario.process()).getId(), form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Completes the task as the logged-in staff member, with their groups, as Tasklist does. */
    private void signAsStaff(Task task, String username) {
        identityService.setAuthentication(username, TasklistUser.groupsOf(identityService, username));
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
        assertThat(task(scenario.process())).as("Issue 12.4: due as the long-term placement's first day begins")
                .hasDueDate(Date.from(LONG_TERM_DEADLINE_AT));
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
        assertThat(tasks(scenario, "signAsTeacher")).singleElement().satisfies(t -> assertThat(t).hasCandidateUser("teacher")
                .hasDueDate(Date.from(LONG_TERM_DEADLINE_AT)));
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

    /** A long-term agreement from START sent for signature, signed so far by the student only. */
    private Scenario longTermSignedByTheStudent() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null));
        signAsFamily(scenario, SignerRole.STUDENT);
        return scenario;
    }

    /** A short-term agreement from START to SHORT_END sent for signature, its deadline passed (reminded before). */
    private Scenario shortTermPastItsDeadline(String studentNumber) {
        Scenario scenario = start(studentNumber, FamilyRequest.PreferredPlacement.SHORT_TERM, SHORT_END);
        assertThat(task(scenario.process())).as("Issue 12.4: due at the short-term deadline, across a staff day and "
                + "Martin Luther King Jr. Day").hasDueDate(Date.from(SHORT_TERM_DEADLINE_AT));
        draftAs("counselor", scenario, completeDraft("teacher", null, SHORT_END));
        assertThat(scenario.process()).variables()
                .containsEntry("signatureDeadlineAt", Date.from(SHORT_TERM_DEADLINE_AT));
        at(SHORT_TERM_REMINDER_DAY);
        runDueJobs(scenario);
        at(AFTER_SHORT_TERM_DEADLINE);
        runDueJobs(scenario);
        return scenario;
    }

    private void decideAsPrincipal(Scenario scenario, Map<String, Object> decision) {
        identityService.setAuthentication("principal", TasklistUser.groupsOf(identityService, "principal"));
        try {
            taskService.complete(tasks(scenario, "decideUnsignedAgreement").get(0).getId(), decision);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private TimelineEntry entry(Long caseId, String step) {
        return caseRecord.timelineOf(caseId).stream().filter(e -> e.getStep().equals(step)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + step + " on the case record"));
    }

    private static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    @Test
    @DisplayName("AGR-07 before the deadline the principals get a follow-up task naming who has not signed, and the record names them without claiming they were reminded")
    void beforeTheDeadlineThePrincipalFollowsUp() {
        Scenario scenario = longTermSignedByTheStudent();

        at(Instant.parse("2027-01-07T09:00:00Z"));
        runDueJobs(scenario);
        assertThat(tasks(scenario, "escalateUnsignedAgreement")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("principals").hasDueDate(Date.from(LONG_TERM_DEADLINE_AT)));
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures",
                "escalateUnsignedAgreement");
        assertThat(scenario.process()).variables().extractingByKey("unsignedSigners").asString()
                .contains("(parent, guardian or caregiver)", "Marcus Bell (supervising teacher)").doesNotContain("(student)");
        assertThat(entry(scenario.caseId(), "signatureDeadlineApproaching").getDescription())
                .contains("not yet signed: ", "Marcus Bell (supervising teacher)").doesNotContain("remind");
    }

    @Test
    @DisplayName("AGR-07 the principal's follow-up of an unsigned agreement is on the case record with who did it")
    void principalsFollowUpIsRecorded() {
        Scenario scenario = longTermSignedByTheStudent();
        at(Instant.parse("2027-01-07T09:00:00Z"));
        runDueJobs(scenario);

        identityService.setAuthentication("principal", TasklistUser.groupsOf(identityService, "principal"));
        taskService.complete(tasks(scenario, "escalateUnsignedAgreement").get(0).getId(),
                Map.of("escalationNote", "Called the parent; she signs on Monday"));
        identityService.clearAuthentication();
        assertThat(caseRecord.timelineOf(scenario.caseId())).filteredOn(e -> "AGR-07".equals(e.getRuleId()))
                .extracting(TimelineEntry::getActor, TimelineEntry::getStep).contains(
                        tuple("principal", "unsignedAgreementFollowedUp"));
    }

    @Test
    @DisplayName("AGR-07 a long-term first day that comes unsigned is on the record (only days after the last signature count) and goes to a principal's decision")
    void longTermDeadlineGoesToThePrincipal() {
        Scenario scenario = longTermSignedByTheStudent();

        at(Instant.parse("2027-01-11T09:00:00Z"));
        runDueJobs(scenario);
        TimelineEntry passed = entry(scenario.caseId(), "signatureDeadlinePassed");
        assertThat(passed.getRuleId()).isEqualTo("AGR-07");
        assertThat(passed.getDescription()).contains("by 2027-01-08", SignatureDeadlines.LATE_SIGNATURE_COUNTS);
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures",
                "escalateUnsignedAgreement", "decideUnsignedAgreement");
        assertThat(tasks(scenario, "decideUnsignedAgreement")).singleElement().satisfies(t -> {
            assertThat(t).hasCandidateGroup("principals").as("Issue 12.4: the end of Monday 2027-01-11, the school day "
                    + "after the last day to sign").hasDueDate(Date.from(Instant.parse("2027-01-12T07:59:59.999Z")));
            assertThat(t.getName()).endsWith(scenario.student().fullName() + " (" + scenario.student().getStudentNumber() + ")");
        });
    }

    @Test
    @DisplayName("AGR-07 signed late, a long-term placement starts the school day after the last signature, and the principal's open decision ends with the signing")
    void longTermSignedLateStartsAfterTheLastSignature() {
        Scenario scenario = longTermSignedByTheStudent();
        at(Instant.parse("2027-01-11T09:00:00Z"));
        runDueJobs(scenario);

        // signed late, the day after the planned first day (Jan 11): independent study starts the next school day
        at(Instant.parse("2027-01-12T20:00:00Z"));
        signAsFamily(scenario, SignerRole.PARENT_OR_GUARDIAN);
        signAsStaff(tasks(scenario, "signAsTeacher").get(0), "teacher");
        runDueJobs(scenario);
        assertThat(scenario.process()).isEnded().variables()
                .containsEntry("independentStudyStartDate", Date.from(Instant.parse("2027-01-13T08:00:00Z")));
        assertThat(taskService.createTaskQuery().processInstanceId(scenario.process().getId()).count()).isZero();
    }

    @Test
    @DisplayName("AGR-07 a reminder that runs only after the signing window closed sends the family no dead link")
    void lateReminderSendsNoDeadLink() throws Exception {
        Scenario scenario = start("S100029", FamilyRequest.PreferredPlacement.SHORT_TERM, SHORT_END);
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null, SHORT_END));
        String family = scenarios.familyEmailOf(scenario.student());
        assertThat(SigningMailbox.textsTo(mail, family)).as("the invitations").hasSize(2);

        at(AFTER_SHORT_TERM_DEADLINE);
        runDueJobs(scenario);
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures",
                "escalateUnsignedAgreement", "decideUnsignedAgreement");
        assertThat(SigningMailbox.textsTo(mail, family)).hasSize(2);
        assertThat(caseRecord.timelineOf(scenario.caseId())).extracting(TimelineEntry::getStep)
                .doesNotContain("signingReminderSent");
    }

    @Test
    @DisplayName("AGR-07 revise after a short-term deadline: the version is withdrawn and the revised one gets a fresh window from the decision day and fresh family links, never the passed deadline")
    void revisionGetsAFreshSigningWindow() throws Exception {
        Scenario scenario = shortTermPastItsDeadline("S100020");
        Long missed = versionOf(scenario);
        assertThat(tasks(scenario, "decideUnsignedAgreement")).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup("principals")
                        .hasDueDate(Date.from(Instant.parse("2027-01-29T07:59:59.999Z"))));

        decideAsPrincipal(scenario, Map.of("unsignedAgreementDecision", "REVISE",
                "decisionNote", "The family needs Thursday submissions"));
        assertThat(scenario.process()).isWaitingAt("draftAgreement", "escalateUnsignedAgreement");
        assertThat(task("draftAgreement", scenario.process())).as("Issue 12.5: back to its drafter, with the reason")
                .isAssignedTo("counselor").hasDueDate(Date.from(Instant.parse("2027-02-12T07:59:59.999Z")));
        assertThat(scenario.process()).variables().containsEntry("draftReturnedBecause", "The principal decided to "
                + "revise the agreement after its signing deadline passed: The family needs Thursday submissions");
        assertThat(tasks(scenario, "signAsTeacher")).isEmpty();
        TimelineEntry decision = entry(scenario.caseId(), "unsignedAgreementDecided");
        assertThat(decision.getActor()).isEqualTo("principal");
        assertThat(decision.getDescription()).contains("revise the agreement: The family needs Thursday submissions",
                "within 10 school days of 2027-01-28, by 2027-02-11", SignatureDeadlines.LATE_SIGNATURE_COUNTS);
        assertThat(caseRecord.timelineOf(scenario.caseId())).extracting(TimelineEntry::getStep)
                .containsSubsequence("signatureDeadlinePassed", "unsignedAgreementDecided", "agreementReopenedForRevision");

        mail.reset();
        draftAs("counselor", scenario, completeDraft("teacher", null, SHORT_END));
        assertThat(versionOf(scenario)).isNotEqualTo(missed);
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures", "escalateUnsignedAgreement")
                .variables().containsEntry("signatureDeadlineAt", Date.from(Instant.parse("2027-02-12T07:59:59.999Z")));
        assertThat(SigningMailbox.textsTo(mail, scenarios.familyEmailOf(scenario.student()))).hasSize(2)
                .allSatisfy(text -> assertThat(text).contains("Please sign by Thursday, February 11, 2027"));
    }

    @Test
    @DisplayName("AGR-07 keep waiting until a named school day: the family gets working links until then, and if still unsigned the decision comes back after it")
    void keepWaitingComesBackAfterTheNamedDay() throws Exception {
        Scenario scenario = shortTermPastItsDeadline("S100023");
        mail.reset();

        decideAsPrincipal(scenario, Map.of("unsignedAgreementDecision", "KEEP_WAITING", "waitUntil", "2027-02-03",
                "decisionNote", "The parent is travelling until Feb 1"));
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures",
                "escalateUnsignedAgreement", "waitingPeriodOver");
        assertThat(entry(scenario.caseId(), "unsignedAgreementDecided").getDescription())
                .contains("keep waiting for the signatures until 2027-02-03: The parent is travelling until Feb 1");
        assertThat(SigningMailbox.textsTo(mail, scenarios.familyEmailOf(scenario.student()))).hasSize(2)
                .allSatisfy(text -> assertThat(text).contains("Please sign by Wednesday, February 3, 2027"));

        at(Instant.parse("2027-02-04T07:59:00Z"));
        runDueJobs(scenario);
        assertThat(tasks(scenario, "decideUnsignedAgreement")).isEmpty();
        at(Instant.parse("2027-02-04T08:00:00Z"));
        runDueJobs(scenario);
        assertThat(tasks(scenario, "decideUnsignedAgreement")).singleElement().as("Issue 12.4: the school day after "
                + "the day waited until").satisfies(t -> assertThat(t).hasDueDate(Date.from(
                        Instant.parse("2027-02-05T07:59:59.999Z"))));
        assertThat(entry(scenario.caseId(), "signatureDeadlinePassed").getDescription())
                .contains("the principal waits until 2027-02-03");
    }

    @Test
    @DisplayName("AGR-07 a short-term agreement signed while the principal waits counts only from the school day after the last signature, as the record says")
    void signedWhileWaitingCountsFromTheDayAfter() {
        Scenario scenario = shortTermPastItsDeadline("S100024");
        decideAsPrincipal(scenario, Map.of("unsignedAgreementDecision", "KEEP_WAITING", "waitUntil", "2027-02-03",
                "decisionNote", "The parent signs this week"));

        at(Instant.parse("2027-02-02T20:00:00Z"));
        signAsFamily(scenario, SignerRole.STUDENT);
        signAsFamily(scenario, SignerRole.PARENT_OR_GUARDIAN);
        signAsStaff(tasks(scenario, "signAsTeacher").get(0), "teacher");
        runDueJobs(scenario);

        assertThat(scenario.process()).isEnded().variables()
                .containsEntry("independentStudyStartDate", Date.from(Instant.parse("2027-02-03T08:00:00Z")));
        assertThat(entry(scenario.caseId(), "independentStudyActivated").getDescription())
                .contains("active from 2027-02-03", SignatureDeadlines.LATE_SIGNATURE_COUNTS);
    }

    @Test
    @DisplayName("AGR-07 end the placement: the signature tasks end, the version is withdrawn and the agreement process ends with placementEndedUnsigned")
    void endThePlacement() {
        Scenario scenario = shortTermPastItsDeadline("S100025");
        Long version = versionOf(scenario);

        decideAsPrincipal(scenario, Map.of("unsignedAgreementDecision", "END_PLACEMENT",
                "decisionNote", "The family chose to stay in the classroom"));
        // on its own the process has no caller to catch placementEndedUnsigned; the case process test walks on
        assertThat(scenario.process()).hasPassed("placementEndDecided", "withdrawUnsignedAgreement",
                "placementEndedUnsigned");
        assertThat(tasks(scenario, "signAsTeacher")).isEmpty();
        assertThat(tasks(scenario, "decideUnsignedAgreement")).isEmpty();
        assertThat(versions.findById(version).orElseThrow().getStatus()).isEqualTo(AgreementVersion.Status.SUPERSEDED);
        assertThat(entry(scenario.caseId(), "unsignedAgreementDecided").getDescription())
                .contains("end the placement: The family chose to stay in the classroom", "no independent-study day");
        assertThat(entry(scenario.caseId(), "agreementWithdrawn").getRuleId()).isEqualTo("AGR-07");
    }

    @Test
    @DisplayName("AGR-07 a decision without a note, without a choice, or waiting until a Saturday is refused naming the field and records nothing")
    void incompleteDecisionIsRefused() {
        Scenario scenario = shortTermPastItsDeadline("S100026");
        int entries = caseRecord.timelineOf(scenario.caseId()).size();

        for (Map<String, Object> refused : List.<Map<String, Object>>of(
                Map.of("unsignedAgreementDecision", "REVISE", "decisionNote", " "),
                Map.of("decisionNote", "No choice made"),
                Map.of("unsignedAgreementDecision", "KEEP_WAITING", "waitUntil", "2027-01-30",
                        "decisionNote", "Until the weekend"))) {
            assertThatThrownBy(() -> decideAsPrincipal(scenario, refused)).as(refused.toString())
                    .hasMessageContaining(refused.containsKey("waitUntil") ? "waitUntil"
                            : refused.containsKey("unsignedAgreementDecision") ? "decisionNote"
                            : "unsignedAgreementDecision");
        }
        assertThat(caseRecord.timelineOf(scenario.caseId())).hasSize(entries);
        assertThat(tasks(scenario, "decideUnsignedAgreement")).hasSize(1);
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

    @Test
    @DisplayName("ENR-02 while a conference is pending the complete agreement is not sent but waits, then goes back to its drafter; asked for while out for signature, signing is put on hold the same way")
    void pendingConferenceHoldsSigningBack() {
        Scenario scenario = start("S100012", FamilyRequest.PreferredPlacement.LONG_TERM);
        conference.requestedLater(scenario.caseId(), new PreEnrollmentConference.Request(null, false));
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null));

        assertThat(scenario.process()).hasPassed("conferencePending").isWaitingAt("awaitPreEnrollmentConference");
        assertThat(stepsOf(scenario.caseId())).doesNotContain("agreementSentForSignature");
        Long drafted = versionOf(scenario);
        assertThatThrownBy(() -> drafting.sendForSignature(drafted, null)).as("the rule holds without the gateway too")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ENR-02");

        conference.withdrawn(scenario.caseId(), null);
        conferenceSettled(scenario);
        assertThat(scenario.process()).isWaitingAt("draftAgreement").variables().extractingByKey("draftReturnedBecause")
                .asString().as("Issue 12.5").contains("pre-enrollment conference", "review the agreement");
        taskService.complete(task(scenario.process()).getId(), completeDraft("teacher", null));
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures");

        conferenceRequests.request(scenario.caseId(), new PreEnrollmentConference.Request(null, false));
        assertThat(scenario.process()).hasPassed("signingHeldForConference")
                .isWaitingAt("awaitPreEnrollmentConference");
        assertThat(tasks(scenario, "signAsTeacher")).isEmpty();
        conference.withdrawn(scenario.caseId(), null);
        conferenceSettled(scenario);
        assertThat(scenario.process()).isWaitingAt("draftAgreement");
    }

    @Test
    @DisplayName("Issue 12.5 AGR-01 AGR-08 the record says 'drafted' when a person submits a complete draft, not when the task opens; an incomplete draft is not numbered, so version 1 is the first that can be signed; a draft sent back comes to its drafter with who sent it and why")
    void draftedByAPersonAndSentBackToThem() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);
        assertThat(stepsOf(scenario.caseId())).contains("agreementDraftingOpened").doesNotContain("writtenAgreementDrafted");
        assertThat(task(scenario.process())).isNotAssigned();

        Map<String, Object> incomplete = completeDraft("teacher", null);
        incomplete.put("supports", "");
        draftAs("teacher", scenario, incomplete);
        assertThat(task(scenario.process())).as("the problems come back to whoever drafted").isAssignedTo("teacher");
        assertThat(stepsOf(scenario.caseId())).doesNotContain("writtenAgreementDrafted");
        assertThat(drafting.currentVersionOfCase(scenario.caseId())).as("an incomplete draft is not numbered").isEmpty();

        draftAs("teacher", scenario, completeDraft("teacher", null));
        AgreementVersion first = versions.findById(versionOf(scenario)).orElseThrow();
        assertThat(first.getVersionNumber()).isEqualTo(1);
        assertThat(entry(scenario.caseId(), "writtenAgreementDrafted")).satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("teacher");
            assertThat(e.getDescription()).startsWith("Version 1 of the written agreement drafted");
        });

        assertThat(Api.as(rest, "counselor").postForEntity("/api/cases/{id}/agreement/revision",
                Map.of("reason", "the family asked for Thursday submissions"), Void.class, scenario.caseId())
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task("draftAgreement", scenario.process())).isAssignedTo("teacher");
        assertThat(scenario.process()).variables().containsEntry("draftReturnedBecause",
                "Sent back for revision by counselor: the family asked for Thursday submissions");

        Map<String, Object> edited = completeDraft("teacher", null);
        edited.put("submissionAndReporting", "Weekly on Thursdays at the school office");
        draftAs("teacher", scenario, edited);
        assertThat(versions.findById(versionOf(scenario)).orElseThrow().getVersionNumber()).isEqualTo(2);
        assertThat(entry(scenario.caseId(), "writtenAgreementDrafted").getDescription())
                .startsWith("Version 2 of the written agreement drafted");
        assertThat(scenario.process()).variables().containsEntry("draftReturnedBecause", null);
    }

    @Test
    @DisplayName("Issue 12.5 AGR-11 the supervising teacher is chosen from the school's teachers with a credential valid on the first day: an emergency credential counts until it expires, a lapsed one never")
    void supervisingTeacherChoices() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);

        assertThat(scenario.process()).variables().containsEntry("supervisingTeacherChoices",
                "teacher2|Linh Pham (teacher2)\nteacher|Marcus Bell (teacher)");
        Long middleSchool = staff.findByUsername("teacher4").orElseThrow().getSchoolId();
        assertThat(credentials.credentialedTeachers(middleSchool, LocalDate.of(2027, 6, 30)))
                .extracting(StaffMember::getUsername).containsExactly("teacher4");
        assertThat(credentials.credentialedTeachers(middleSchool, LocalDate.of(2027, 7, 1))).isEmpty();
    }

    @Test
    @DisplayName("AGR-07 AGR-08 Issue 13.4 a signing e-mail the mail server refuses on every try goes to a counselor: nothing after the 9th refusal, after the 10th one task for the family's address naming the student and the parent, due the next school day, and how the family was reached is on the record")
    void undeliveredSigningEmailGoesToACounselor() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);
        mail.stop();
        draftAs("teacher", scenario, completeDraft("teacher", null));
        List<String> links = jdbc.queryForList("select id from signing_link where agreement_version_id = ?",
                String.class, versionOf(scenario));
        assertThat(links).hasSize(2);
        java.util.function.Predicate<String> ownLinks = links::contains;
        for (int refusal = 2; refusal <= 9; refusal++) {
            assertThat(mailTries.runNext("signing-link", ownLinks)).as("try " + refusal).isTrue();
        }
        assertThat(tasks(scenario, "reachFamilyWithoutEmail")).as("9 refusals, one try left").isEmpty();
        assertThat(stepsOf(scenario.caseId())).doesNotContain("signingLinkUndelivered", "signingLinkSent");

        assertThat(mailTries.runNext("signing-link", ownLinks)).as("the 10th and last try").isTrue();
        assertThat(mailTries.next("signing-link", ownLinks)).as("no try after the last").isEmpty();
        // Monday Nov 30, 10:30 in the district: due as Tuesday Dec 1, a school day, ends
        Date endOfNextSchoolDay = Date.from(Instant.parse("2026-12-02T07:59:59.999Z"));
        // a minor's link goes to the family's address, as the parent's does: one call reaches both
        String familyEmail = jdbc.queryForObject("select distinct email from signing_link where "
                + "agreement_version_id = ?", String.class, versionOf(scenario));
        String parent = jdbc.queryForObject("select signer_name from signing_link where agreement_version_id = ? "
                + "and signer_role = 'PARENT_OR_GUARDIAN'", String.class, versionOf(scenario));
        assertThat(tasks(scenario, "reachFamilyWithoutEmail")).hasSize(1);
        Task reach = tasks(scenario, "reachFamilyWithoutEmail").get(0);
        assertThat(reach).hasCandidateGroup("counselors").hasDueDate(endOfNextSchoolDay);
        assertThat(taskService.getVariable(reach.getId(), "undeliveredEmail")).isEqualTo(familyEmail);
        assertThat(((String) taskService.getVariable(reach.getId(), "undeliveredSigner")).split("\n"))
                .containsExactlyInAnyOrder(scenario.student().fullName() + " (student)",
                        parent + " (parent, guardian or caregiver)");
        assertThat(scenario.process()).isWaitingAt("signAsTeacher", "awaitFamilySignatures",
                "reachFamilyWithoutEmail");
        assertThat(caseRecord.timelineOf(scenario.caseId())).filteredOn(e -> e.getStep()
                .equals("signingLinkUndelivered")).hasSize(2).allSatisfy(e -> {
                    assertThat(e.getRuleId()).isEqualTo("AGR-08");
                    assertThat(e.getDescription()).startsWith("Signing link for agreement version ")
                            .contains(" not delivered to ", "the mail server refused it 10 times");
                });

        // refused without a choice or a note, recording nothing
        int entries = caseRecord.timelineOf(scenario.caseId()).size();
        assertThatThrownBy(() -> completeAs("counselor", reach, Map.of("familyReachedNote", "Called")))
                .hasMessageContaining("familyReachedBy");
        assertThatThrownBy(() -> completeAs("counselor", reach, Map.of("familyReachedBy", "PAPER")))
                .hasMessageContaining("familyReachedNote");
        assertThat(caseRecord.timelineOf(scenario.caseId())).hasSize(entries);

        completeAs("counselor", reach, Map.of("familyReachedBy", "PAPER",
                "familyReachedNote", "Called the mother: the address had a typo; they sign the paper copy tomorrow"));
        assertThat(entry(scenario.caseId(), "familyReachedWithoutEmail")).satisfies(e -> {
            assertThat(e.getActor()).isEqualTo("counselor");
            assertThat(e.getRuleId()).isEqualTo("AGR-07");
            assertThat(e.getDescription()).startsWith("The signing e-mails to ")
                    .contains(scenario.student().fullName() + " (student)", " and ",
                            parent + " (parent, guardian or caregiver)", " were never delivered",
                            "arranged to sign on paper, the scan to be uploaded", "the address had a typo");
        });
        assertThat(tasks(scenario, "reachFamilyWithoutEmail")).isEmpty();

        // signed all the same, the process ends with nothing left to do
        signAsFamily(scenario, SignerRole.STUDENT);
        signAsFamily(scenario, SignerRole.PARENT_OR_GUARDIAN);
        signAsStaff(tasks(scenario, "signAsTeacher").get(0), "teacher");
        runDueJobs(scenario);
        assertThat(scenario.process()).isEnded().hasPassed("familyReachedWithoutEmail", "activateAgreement");
        assertThat(taskService.createTaskQuery().processInstanceId(scenario.process().getId()).count()).isZero();
    }

    @Test
    @DisplayName("AGR-07 AGR-08 Issue 13.4 a signer whose undelivered signing e-mail went to another address than the family's gets a counselor task of their own; the task for the family's address keeps its signer, named once when their reminder is refused too, and ends with the signature collection")
    void undeliveredSigningEmailToAnotherAddressIsATaskOfItsOwn() {
        Scenario scenario = start("S100011", FamilyRequest.PreferredPlacement.LONG_TERM);
        draftAs("teacher", scenario, completeDraft("teacher", null));
        Long versionId = versionOf(scenario);
        String student = scenario.student().fullName() + " (student)";
        String guardian = "Ray Ortiz (parent, guardian or caregiver)";

        // as SigningLinks publishes it in the transaction that records the outbox giving up
        transactions.executeWithoutResult(status -> events.publishEvent(
                new FamilySigningLinkUndelivered(versionId, student, "family@example.invalid")));
        transactions.executeWithoutResult(status -> events.publishEvent(
                new FamilySigningLinkUndelivered(versionId, guardian, "ray.ortiz@example.invalid")));
        // the reminder to the same signer refused too, while the task is open: they are on it already
        transactions.executeWithoutResult(status -> events.publishEvent(
                new FamilySigningLinkUndelivered(versionId, student, "family@example.invalid")));

        List<Task> reach = tasks(scenario, "reachFamilyWithoutEmail");
        assertThat(reach).extracting(t -> taskService.getVariable(t.getId(), "undeliveredEmail") + ": "
                + taskService.getVariable(t.getId(), "undeliveredSigner"))
                .containsExactlyInAnyOrder("family@example.invalid: " + student,
                        "ray.ortiz@example.invalid: " + guardian);

        signAsFamily(scenario, SignerRole.STUDENT);
        signAsFamily(scenario, SignerRole.PARENT_OR_GUARDIAN);
        signAsStaff(tasks(scenario, "signAsTeacher").get(0), "teacher");
        runDueJobs(scenario);
        assertThat(scenario.process()).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(scenario.process().getId()).count()).isZero();
    }

    /** Completes the task as the logged-in staff member, with their groups, as Tasklist does. */
    private void completeAs(String username, Task task, Map<String, Object> form) {
        identityService.setAuthentication(username, TasklistUser.groupsOf(identityService, username));
        try {
            taskService.complete(task.getId(), form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** What the case process's conferenceSettled end event sends once the conference is held or withdrawn. */
    private void conferenceSettled(Scenario scenario) {
        runtimeService.createMessageCorrelation("PreEnrollmentConferenceSettled")
                .processInstanceBusinessKey(scenario.caseId().toString()).correlateAll();
    }
}
