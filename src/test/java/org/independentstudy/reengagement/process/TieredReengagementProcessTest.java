package org.independentstudy.reengagement.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.PlacementLifecycle;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecording;
import org.independentstudy.participation.ParticipationStatus;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.reengagement.AgreementViolations;
import org.independentstudy.security.Roles;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.ReengagementWalk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process tiered-reengagement, opened by the sweep after Friday 2027-01-22 for placements that began on Monday
 * 2027-01-11 (demo calendar 2026-27).
 */
@IntegrationTest
class TieredReengagementProcessTest {

    private static final LocalDate D = LocalDate.of(2027, 1, 22);

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ReengagementWalk walk;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    AgreementViolations violations;
    @Autowired
    PlacementLifecycle placements;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormService forms;
    @Autowired
    IdentityService identity;

    @Test
    @DisplayName("REE-05 REE-07 REE-08 REE-09 no improvement: the counselor verifies the contacts (a new phone updates the parent, history kept), plans the outreach with a referral, the standard requires a conference, the principal decides the student continues")
    void noImprovementLeadsToConferenceAndDecision() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        walk.sweepAfter(D);
        ProcessInstance process = walk.processOf(placement.caseId());

        Task contacts = walk.task(process);
        assertThat(contacts.getTaskDefinitionKey()).isEqualTo("verifyContactInformation");
        assertThat(contacts.getDueDate()).isEqualTo(calendar.endOfSchoolDay(LocalDate.of(2027, 1, 26)));
        assertThat(groupsOf(contacts)).containsExactly(Roles.COUNSELORS_GROUP);
        Map<String, Object> guardian = jdbc.queryForMap("select id, email, phone from guardian where student_id = ? "
                + "order by id fetch first 1 rows only", placement.student().getId());
        assertThat(tasks.getVariables(contacts.getId())).containsEntry("guardian1Id", guardian.get("ID"))
                .containsEntry("guardian1Email", guardian.get("EMAIL")).containsEntry("guardian1Phone", guardian.get("PHONE"));
        assertThat(tier(placement)).isEqualTo("CONTACT_CHECK");
        walk.asStaff("counselor", contacts, Map.of("guardian1Id", guardian.get("ID"),
                "guardian1Email", guardian.get("EMAIL"), "guardian1Phone", "(562) 555-0199",
                "contactNotes", "The mother has a new phone number"));

        assertThat(jdbc.queryForObject("select phone from guardian where id = ?", String.class, guardian.get("ID")))
                .isEqualTo("(562) 555-0199");
        assertThat(jdbc.queryForMap("select phone_before, phone_after, changed_by from guardian_contact_change "
                + "where guardian_id = ?", guardian.get("ID"))).containsEntry("PHONE_BEFORE", guardian.get("PHONE"))
                .containsEntry("PHONE_AFTER", "(562) 555-0199").containsEntry("CHANGED_BY", "counselor");
        Task outreach = walk.task(process);
        assertThat(outreach.getTaskDefinitionKey()).isEqualTo("planOutreach");
        assertThat(tier(placement)).isEqualTo("OUTREACH");
        walk.asStaff("counselor", outreach, Map.of("needsAssessment",
                "Cares for a younger sibling in the mornings", "referralSocialServices", true,
                "referralSocialServicesProvider", "County family services"));
        assertThat(jdbc.queryForMap("select service, provider, referred_by, referred_on from reengagement_referral r "
                + "join reengagement e on e.id = r.reengagement_id where e.case_id = ?", placement.caseId()))
                .containsEntry("SERVICE", "SOCIAL_SERVICES").containsEntry("REFERRED_BY", "counselor");
        assertThat(process).isWaitingAt("improvementWindowEnded");
        assertThat(tier(placement)).isEqualTo("IMPROVEMENT_WINDOW");

        walk.improvementWindowEnds(process);

        assertThat(process).hasPassed("reviewImprovement", "applyConferenceStandard")
                .isWaitingAt("holdReengagementConference");
        walk.conferenceAndDecision(process, "CONTINUE");
        assertThat(process).hasPassed("reengagementDecision", "closeAfterDecision").hasNotPassed("reviseAgreementAfterReengagement", "followUpReengagementReferral", "requestReturnAfterDecision").isEnded();
        assertThat(jdbc.queryForMap("select outcome, decided_by, open_student_id from reengagement where case_id = ?",
                placement.caseId())).containsEntry("OUTCOME", "CONTINUE").containsEntry("DECIDED_BY", "principal")
                .containsEntry("OPEN_STUDENT_ID", null);
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getStep).containsSubsequence(
                "reengagementOpened", "contactInformationVerified", "outreachPlanned", "reengagementConferenceHeld",
                "reengagementDecided", "reengagementEnded");
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> "reengagementDecided".equals(e.getStep()))
                .singleElement().satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("principal");
                    assertThat(e.getRuleId()).isEqualTo("REE-09");
                });
    }

    @Test
    @DisplayName("REE-08 attendance improved after the outreach and it is the first re-engagement of the year: no conference, the student is re-engaged; a second one in the year requires the conference")
    void improvedThenSecondReengagement() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        recording.record("teacher", calendar.schoolDaysBetween(placement.firstDay(), placement.lastDay()).stream()
                .map(day -> new ParticipationEntry(placement.caseId(), day, ParticipationStatus.PARTICIPATORY, null,
                        240, 240, List.of())).toList());
        walk.sweepAfter(LocalDate.of(2027, 1, 21));
        violations.record(placement.caseId(), "teacher", new AgreementViolations.ViolationRequest(
                LocalDate.of(2027, 1, 21), "Shared a test with another student"));
        walk.sweepAfter(D);
        ProcessInstance first = walk.processOf(placement.caseId());
        walk.contactAndOutreach(first);
        walk.improvementWindowEnds(first);

        assertThat(first).hasPassed("closeReengaged").hasNotPassed("holdReengagementConference").isEnded();
        assertThat(jdbc.queryForObject("select outcome from reengagement where case_id = ?", String.class,
                placement.caseId())).isEqualTo("RE_ENGAGED");

        violations.record(placement.caseId(), "teacher", new AgreementViolations.ViolationRequest(
                LocalDate.of(2027, 2, 5), "Submitted work copied from the internet"));
        walk.sweepAfter(LocalDate.of(2027, 2, 8));
        ProcessInstance second = walk.processOf(placement.caseId());
        walk.contactAndOutreach(second);
        walk.improvementWindowEnds(second);

        assertThat(second).isWaitingAt("holdReengagementConference");
    }

    @Test
    @DisplayName("Issue 12.5 REE-08 a conference recorded as held tomorrow is refused as Tasklist submits the form, naming conferenceHeldOn and the day; nothing is saved and the task stays open")
    void conferenceHeldInTheFutureIsRefused() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ProcessInstance process = walk.untilTheConference(placement);
        Task conference = walk.task(process);
        assertThat(conference.getTaskDefinitionKey()).isEqualTo("holdReengagementConference");
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(calendar.districtZone()).toLocalDate();
        int entries = caseRecord.timelineOf(placement.caseId()).size();

        // logged in to Tasklist with every group the counselor has
        identity.setAuthentication("counselor", identity.createGroupQuery().groupMember("counselor").list().stream()
                .map(group -> group.getId()).toList());
        try {
            assertThatThrownBy(() -> forms.submitTaskForm(conference.getId(), Map.of(
                    "conferenceHeldOn", today.plusDays(1).toString(), "conferenceParticipants", "Student, mother",
                    "conferenceNotes", "Agreement reviewed")))
                    .hasMessageContaining("conferenceHeldOn: " + today.plusDays(1) + " is in the future");
        } finally {
            identity.clearAuthentication();
        }

        assertThat(walk.task(process).getId()).as("the task stays open").isEqualTo(conference.getId());
        assertThat(tasks.getVariable(conference.getId(), "conferenceNotes")).isNull();
        assertThat(caseRecord.timelineOf(placement.caseId())).hasSize(entries);
    }

    @Test
    @DisplayName("REE-09 AGR-12 the principal's revised agreement and referral each become a counselor's follow-up on the record; without a case process a return is recorded as not started twice")
    void decisionsWithFollowUps() {
        ActivePlacement revised = activePlacements.traditional("S100011", "teacher");
        ActivePlacement referred = activePlacements.traditional("S100011", "teacher");
        ActivePlacement returned = activePlacements.traditional("S100011", "teacher");
        walk.sweepAfter(D);
        for (ActivePlacement placement : List.of(revised, referred, returned)) {
            ProcessInstance process = walk.processOf(placement.caseId());
            walk.contactAndOutreach(process);
            walk.improvementWindowEnds(process);
        }
        walk.conferenceAndDecision(walk.processOf(revised.caseId()), "CONTINUE_WITH_REVISED_AGREEMENT");
        walk.conferenceAndDecision(walk.processOf(referred.caseId()), "REFER");
        ProcessInstance returning = walk.processOf(returned.caseId());
        walk.conferenceAndDecision(returning, "RETURN_TO_IN_PERSON");

        Task revise = walk.task(walk.processOf(revised.caseId()));
        assertThat(revise.getTaskDefinitionKey()).isEqualTo("reviseAgreementAfterReengagement");
        Task refer = walk.task(walk.processOf(referred.caseId()));
        assertThat(refer.getTaskDefinitionKey()).isEqualTo("followUpReengagementReferral");
        walk.asStaff("counselor", refer, Map.of("followUpNote", "Referred to the continuation school"));
        assertThat(caseRecord.timelineOf(referred.caseId())).extracting(TimelineEntry::getDescription)
                .anySatisfy(d -> assertThat(d).contains("Referred to the continuation school"));
        assertThat(returning).hasPassed("requestReturnAfterDecision").isEnded();
        assertThat(caseRecord.timelineOf(returned.caseId())).extracting(TimelineEntry::getStep)
                .contains("returnAlreadyUnderWay");
    }

    @Test
    @DisplayName("REE-05 every step is due on the school calendar; an overdue contact check escalates to the principal and the record says so")
    void overdueStepEscalates() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        walk.sweepAfter(D);
        ProcessInstance process = walk.processOf(placement.caseId());
        Task contacts = walk.task(process);
        Job timeout = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timeout.getDuedate()).isEqualTo(contacts.getDueDate());

        ClockUtil.setCurrentTime(new java.util.Date(timeout.getDuedate().getTime() + 1000));
        management.executeJob(timeout.getId());

        assertThat(groupsOf(walk.task(process))).contains(Roles.COUNSELORS_GROUP, Roles.PRINCIPALS_GROUP);
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> "reengagementStepOverdue".equals(e.getStep()))
                .singleElement().satisfies(e -> assertThat(e.getDescription()).contains("Verify the contact information")
                        .contains(Instant.parse("2027-01-27T07:59:59.999Z").toString()));
    }

    @Test
    @DisplayName("TRN-04 REE-10 the placement ends while a re-engagement is open: it ends with the case and its process stops")
    void endsWithTheCase() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        walk.sweepAfter(D);
        assertThat(walk.processOf(placement.caseId())).isNotNull();

        placements.end(placement.caseId(), LocalDate.of(2027, 1, 25), Enrollment.EndReason.DISENROLLED);

        assertThat(walk.processOf(placement.caseId())).isNull();
        assertThat(jdbc.queryForMap("select outcome, open_student_id from reengagement where case_id = ?",
                placement.caseId())).containsEntry("OUTCOME", "CASE_CLOSED").containsEntry("OPEN_STUDENT_ID", null);
    }

    private String tier(ActivePlacement placement) {
        return jdbc.queryForObject("select tier from reengagement where case_id = ?", String.class, placement.caseId());
    }

    private List<String> groupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }
}
