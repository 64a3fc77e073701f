package org.independentstudy.reengagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.participation.AssignmentEntry;
import org.independentstudy.participation.Assignments;
import org.independentstudy.participation.ParticipationEntry;
import org.independentstudy.participation.ParticipationRecording;
import org.independentstudy.participation.ParticipationStatus;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.reengagement.ReengagementSweep.SweepReport;
import org.independentstudy.reengagement.TriggerFindings.Finding;
import org.independentstudy.security.Roles;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.ReengagementWalk;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly sweep (REE-01..04, REE-10) on the demo calendar. Placements run from Monday 2027-01-11; the sweep after
 * Friday 2027-01-22 sees, of its four continuous weeks, the 8 school days they were placed: Jan 11-14 (Friday 15 is
 * pupil-free) and Jan 19-22 (Monday 18 is MLK Day).
 */
@IntegrationTest
class ReengagementSweepTest {

    static final LocalDate D = ReengagementWalk.SWEPT_DAY;
    private static final Path GRADE_SPANS = Path.of("processes/grade-span-requirements.dmn");

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    ReengagementWalk walk;
    @Autowired
    Assignments assignments;
    @Autowired
    AgreementViolations violations;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("REE-01 missing exactly 10 % of the required time is not a trigger; one minute more is")
    void exactlyTenPercent() {
        ActivePlacement ninety = activePlacements.traditional("S100011", "teacher");
        ActivePlacement below = activePlacements.traditional("S100011", "teacher");
        // grade 9, traditional: a 240-minute day; 8 placed days require 1920 minutes, 90 % is 1728
        walk.recordDays(ninety, 240, 240, 240, 240, 240, 240, 240, 48);
        walk.recordDays(below, 240, 240, 240, 240, 240, 240, 240, 47);

        SweepReport report = sweepAfter(D);

        assertThat(walk.findingsOf(report, ninety)).isEmpty();
        assertThat(walk.findingsOf(report, below)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("REE-01");
            assertThat(f.measured()).isEqualTo(1727);
            assertThat(f.required()).isEqualTo(1920);
        });
    }

    @Test
    @DisplayName("REE-01 ATT-03 credited work counts on its day with the minutes attended, never above the minimum day, and on a day without a record")
    void creditedWork() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        List<LocalDate> days = walk.placedDays(D);
        walk.recordDays(placement, days.subList(0, 7), List.of(240, 240, 240, 240, 240, 120, 200));
        // work is received up to today
        FixedEngineClock.setClock(ZonedDateTime.of(D.atTime(16, 0), FixedEngineClock.DISTRICT));
        credit(placement, days.get(5), 60);
        credit(placement, days.get(6), 120);
        credit(placement, days.get(7), 100);

        SweepReport report = sweepAfter(D);

        // 5 x 240, then 120 + 60, 200 + 120 capped at 240, and 100 on the day without a record: 1720 of 1920 (< 1728)
        assertThat(walk.findingsOf(report, placement)).extracting(Finding::ruleId, Finding::measured, Finding::required)
                .containsExactly(tuple("REE-01", 1720, 1920));
    }

    @Test
    @DisplayName("REE-01 ATT-03 days recorded before the placement counts as long-term are not counted, and a day attended above the minimum day counts as the minimum day")
    void daysBeforeCountingAndAboveTheMinimumDay() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        walk.recordDays(placement, walk.placedDays(D), List.of(300, 240, 240, 240, 240, 300, 240, 100));
        LocalDate longTermFrom = walk.placedDays(D).get(4);
        jdbc.update("update enrollment set long_term_from = ? where case_id = ?", longTermFrom, placement.caseId());

        SweepReport report = sweepAfter(D);

        // from Jan 19: 240 + 300 capped at 240 + 240 + 100 = 820 of 4 x 240 = 960 (< 864); uncapped it would be 880
        assertThat(walk.findingsOf(report, placement)).extracting(Finding::ruleId, Finding::measured, Finding::required)
                .containsExactly(tuple("REE-01", 820, 960));
    }

    private void credit(ActivePlacement placement, LocalDate completed, int minutes) {
        assignments.record("teacher", List.of(new AssignmentEntry(null, placement.caseId(), "Worksheet",
                ActivePlacements.START, D.plusDays(7), 60, completed, minutes, "Complete and accurate")));
    }

    @Test
    @DisplayName("REE-01 a student placed partway through the window: only the 8 school days placed count, not the window's 15")
    void placedPartway() {
        ActivePlacement partway = activePlacements.traditional("S100011", "teacher");

        SweepReport report = sweepAfter(D);

        assertThat(walk.findingsOf(report, partway)).extracting(Finding::ruleId, Finding::measured, Finding::required)
                .containsExactly(tuple("REE-01", 0, 8 * 240));
    }

    @Test
    @DisplayName("REE-01 a break inside the four weeks: a placement from Dec 14 is required 15 school days, the winter break's two weeks skipped")
    void breakInsideTheWindow() {
        ActivePlacement fromDecember = activePlacements.traditional("S100011", "teacher", LocalDate.of(2026, 12, 14),
                LocalDate.of(2027, 3, 26));
        List<Integer> fullDays = new ArrayList<>();
        FourContinuousWeeks.endingOn(calendar, D).schoolDays().forEach(day -> fullDays.add(240));
        fullDays.set(0, 0);
        fullDays.set(1, 0);
        walk.recordDays(fromDecember, FourContinuousWeeks.endingOn(calendar, D).schoolDays(), fullDays);

        SweepReport report = sweepAfter(D);

        // 13 full days of 15: 3120 of 3600 minutes, 86.6 %
        assertThat(walk.findingsOf(report, fromDecember)).extracting(Finding::ruleId, Finding::measured, Finding::required)
                .containsExactly(tuple("REE-01", 13 * 240, 15 * 240));
    }

    @Test
    @DisplayName("REE-02 synchronous instruction missed on exactly 50 % of its scheduled days is not a trigger; on 5 of 8 it is")
    void exactlyHalfTheSynchronousDays() {
        ActivePlacement half = activePlacements.traditional("S100003", "teacher3");
        ActivePlacement more = activePlacements.traditional("S100003", "teacher3");
        // grade 1 (daily synchronous instruction): 60 minutes offered each day; 0 attended is a missed day
        walk.recordSynchronous(half, 60, 60, 60, 60, 0, 0, 0, 0);
        walk.recordSynchronous(more, 60, 60, 60, 0, 0, 0, 0, 0);

        SweepReport report = sweepAfter(D);

        assertThat(walk.findingsOf(report, half)).extracting(Finding::ruleId).doesNotContain("REE-02");
        assertThat(walk.findingsOf(report, more)).filteredOn(f -> f.ruleId().equals("REE-02")).singleElement()
                .satisfies(f -> {
                    assertThat(f.measured()).isEqualTo(5);
                    assertThat(f.required()).isEqualTo(8);
                });
    }

    @Test
    @DisplayName("REE-02 a grade span without a synchronous requirement (an analyst's edit of the ATT-02 table) is never triggered by missed sessions")
    void gradeSpanWithoutSynchronousRequirement() throws IOException {
        ActivePlacement first = activePlacements.traditional("S100003", "teacher3");
        walk.recordSynchronous(first, 0, 0, 0, 0, 0, 0, 0, 60);
        String original = Files.readString(GRADE_SPANS);
        String changed = original.replace("""
                <outputEntry id="tkToThirdRuleSynchronous"><text>"DAILY"</text></outputEntry>""", """
                <outputEntry id="tkToThirdRuleSynchronous"><text>"NONE"</text></outputEntry>""");
        assertThat(changed).isNotEqualTo(original);
        assertThat(walk.findingsOf(sweepAfter(LocalDate.of(2027, 1, 20)), first)).extracting(Finding::ruleId)
                .contains("REE-02");
        try {
            deployAsAnalyst(changed);
            assertThat(walk.findingsOf(sweepAfter(D), first)).extracting(Finding::ruleId).doesNotContain("REE-02");
        } finally {
            deployAsAnalyst(original);
        }
    }

    @Test
    @DisplayName("REE-01 REE-02 ENR-11 an exempt student and a short-term placement are listed in the sweep's report, never triggered")
    void exemptAndShortTermAreListed() {
        ActivePlacement exempt = activePlacements.traditional("S100011", "teacher");
        // the medical exemption as ENR-11's decision step records it (the test skips the case process)
        jdbc.update("update enrollment set medical_exemption = true where case_id = ?", exempt.caseId());
        ActivePlacement shortTerm = activePlacements.traditional("S100011", "teacher", LocalDate.of(2027, 1, 19),
                LocalDate.of(2027, 1, 29));
        assertThat(jdbc.queryForObject("select long_term from enrollment where case_id = ?", Boolean.class,
                shortTerm.caseId())).isFalse();

        SweepReport report = sweepAfter(D);

        assertThat(walk.findingsOf(report, exempt)).isEmpty();
        assertThat(walk.findingsOf(report, shortTerm)).isEmpty();
        assertThat(report.listed()).contains(new ReengagementSweep.Listed(exempt.caseId(), "EXEMPT"),
                new ReengagementSweep.Listed(shortTerm.caseId(), "SHORT_TERM"));
        assertThat(openReengagements(exempt)).isZero();
        assertThat(report.placementsChecked()).as("long-term, not exempt placements covered").isPositive();
    }

    @Test
    @DisplayName("REE-10 REE-03 a second trigger joins the open re-engagement; running the sweep twice triggers once")
    void secondTriggerJoins() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        SweepReport first = sweepAfter(LocalDate.of(2027, 1, 21));
        assertThat(walk.findingsOf(first, placement)).extracting(Finding::ruleId).containsExactly("REE-01");
        assertThat(openReengagements(placement)).isEqualTo(1);
        assertThat(processesOf(placement)).isEqualTo(1);

        violations.record(placement.caseId(), "teacher", new AgreementViolations.ViolationRequest(
                LocalDate.of(2027, 1, 21), "Did not submit any of the week's assignments"));
        SweepReport second = sweepAfter(D);
        SweepReport again = sweepAfter(D);

        assertThat(walk.findingsOf(second, placement)).extracting(Finding::ruleId).containsExactlyInAnyOrder("REE-01", "REE-03");
        assertThat(again.runs()).isGreaterThanOrEqualTo(2);
        assertThat(openReengagements(placement)).isEqualTo(1);
        assertThat(processesOf(placement)).isEqualTo(1);
        assertThat(jdbc.queryForList("select rule_id from reengagement_trigger where case_id = ? order by id",
                String.class, placement.caseId())).containsExactly("REE-01", "REE-03");
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getStep)
                .containsOnlyOnce("reengagementOpened", "reengagementTriggerJoined");
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> e.getStep().equals("reengagementTriggerJoined"))
                .singleElement().satisfies(e -> assertThat(e.getDescription()).contains("REE-03"));
    }

    @Test
    @DisplayName("REE-04 a course-based placement with an evaluation that found progress unsatisfactory is a trigger, once")
    void courseBasedUnsatisfactoryProgress() {
        ActivePlacement courseBased = activePlacements.traditional("S100011", "teacher");
        walk.recordDays(courseBased, 240, 240, 240, 240, 240, 240, 240, 240);
        // the program and the teacher's evaluation as the enrollment and evaluation steps record them
        jdbc.update("update enrollment set program = 'COURSE_BASED' where case_id = ?", courseBased.caseId());
        jdbc.update("""
                insert into progress_evaluation (case_id, student_id, school_year, school_month, month_first_day,
                    month_last_day, teacher_username, evaluated_on, evaluated_at, achievement_and_engagement,
                    assignments_and_assessments, concepts_learned, progress_toward_completion, assignments_completed,
                    assignments_missed, participatory_days, nonparticipatory_days, register_days, satisfactory,
                    formal_evaluation, retain_until)
                values (?, ?, '2026-27', 5, date '2026-12-15', date '2027-01-21', 'teacher', date '2027-01-21',
                    current_timestamp, false, true, false, true, 3, 4, 8, 0, 8.00, false, true, date '2030-01-21')""",
                courseBased.caseId(), courseBased.student().getId());
        assertThat(walk.findingsOf(sweepAfter(D), courseBased)).extracting(Finding::ruleId).contains("REE-04");
        assertThat(walk.findingsOf(sweepAfter(LocalDate.of(2027, 1, 25)), courseBased)).extracting(Finding::ruleId)
                .doesNotContain("REE-04");
    }

    @Test
    @DisplayName("REE-01 corrections: a teacher's correction that lifts the attendance above 90 % withdraws the trigger, names the correction and ends the re-engagement")
    void correctionWithdrawsTheTrigger() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        List<LocalDate> days = walk.placedDays(D);
        recording.record("teacher", days.stream().map(day -> new ParticipationEntry(placement.caseId(), day,
                ParticipationStatus.NONPARTICIPATORY, "No work submitted", 240, 0, List.of())).toList());
        sweepAfter(D);
        assertThat(openReengagements(placement)).isEqualTo(1);
        assertThat(processesOf(placement)).isEqualTo(1);

        recording.record("teacher", days.stream().map(day -> new ParticipationEntry(placement.caseId(), day,
                ParticipationStatus.PARTICIPATORY, null, 240, 240, List.of())).toList());

        assertThat(openReengagements(placement)).isZero();
        assertThat(processesOf(placement)).isZero();
        assertThat(jdbc.queryForObject("select outcome from reengagement where case_id = ?", String.class,
                placement.caseId())).isEqualTo("TRIGGER_WITHDRAWN");
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> e.getStep().equals("reengagementEnded"))
                .singleElement().satisfies(e -> assertThat(e.getDescription()).startsWith("Trigger withdrawn")
                        .contains("corrected by teacher"));
    }

    SweepReport sweepAfter(LocalDate day) {
        return walk.sweepAfter(day);
    }

    int openReengagements(ActivePlacement placement) {
        return jdbc.queryForObject("select count(*) from reengagement where case_id = ? and open_student_id is not null",
                Integer.class, placement.caseId());
    }

    long processesOf(ActivePlacement placement) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("tiered-reengagement")
                .processInstanceBusinessKey(placement.caseId().toString()).count();
    }

    private void deployAsAnalyst(String table) {
        identity.setAuthentication("analyst", TasklistUser.groupsOf(identity, "analyst"));
        try {
            repository.createDeployment().name("grade-span-requirements (analyst edit)")
                    .addString("grade-span-requirements.dmn", table).deploy();
        } finally {
            identity.clearAuthentication();
        }
    }
}
