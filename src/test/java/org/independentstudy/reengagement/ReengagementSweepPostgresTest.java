package org.independentstudy.reengagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.independentstudy.participation.AssignmentEntry;
import org.independentstudy.participation.Assignments;
import org.independentstudy.reengagement.ReengagementSweep.SweepReport;
import org.independentstudy.reengagement.TriggerFindings.Finding;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.PostgresIntegrationTest;
import org.independentstudy.support.ReengagementWalk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The sweep's set-based SQL on PostgreSQL, the production database: its edges and its writes, run twice. */
class ReengagementSweepPostgresTest extends PostgresIntegrationTest {

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ReengagementWalk walk;
    @Autowired
    AgreementViolations violations;
    @Autowired
    Assignments assignments;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("[PostgreSQL] REE-01 REE-02 REE-03 REE-10 exactly 10 % and exactly 50 % are not triggers, one more is; the attendance trigger joins the re-engagement a violation opened; a second run adds nothing")
    void sweepOnPostgres() {
        ActivePlacement ninety = activePlacements.traditional("S100011", "teacher");
        ActivePlacement below = activePlacements.traditional("S100011", "teacher");
        ActivePlacement half = activePlacements.traditional("S100003", "teacher3");
        ActivePlacement more = activePlacements.traditional("S100003", "teacher3");
        walk.recordDays(ninety, 240, 240, 240, 240, 240, 240, 240, 48);
        walk.recordDays(below, 240, 240, 240, 240, 240, 240, 240, 47);
        walk.recordSynchronous(half, 60, 60, 60, 60, 0, 0, 0, 0);
        walk.recordSynchronous(more, 60, 60, 60, 0, 0, 0, 0, 0);

        FixedEngineClock.setClock(ZonedDateTime.of(2027, 1, 21, 12, 0, 0, 0, FixedEngineClock.DISTRICT));
        violations.record(below.caseId(), "teacher", new AgreementViolations.ViolationRequest(
                LocalDate.of(2027, 1, 21), "Did not attend the required weekly session"));
        SweepReport first = walk.sweepAfter(LocalDate.of(2027, 1, 21));
        SweepReport report = walk.sweepAfter(ReengagementWalk.SWEPT_DAY);
        SweepReport again = walk.sweepAfter(ReengagementWalk.SWEPT_DAY);

        assertThat(walk.findingsOf(report, ninety)).isEmpty();
        assertThat(walk.findingsOf(report, below)).extracting(Finding::ruleId).containsExactly("REE-01");
        assertThat(walk.findingsOf(report, half)).extracting(Finding::ruleId).doesNotContain("REE-02");
        assertThat(walk.findingsOf(report, more)).extracting(Finding::ruleId).contains("REE-02");
        assertThat(walk.findingsOf(first, below)).extracting(Finding::ruleId).containsExactly("REE-03");
        assertThat(again.runs()).isEqualTo(report.runs() + 1);
        assertThat(jdbc.queryForList("select rule_id from reengagement_trigger where case_id = ? order by id",
                String.class, below.caseId())).containsExactly("REE-03", "REE-01");
        assertThat(jdbc.queryForObject("select count(*) from reengagement where case_id = ?", Integer.class,
                below.caseId())).isEqualTo(1);
    }

    @Test
    @DisplayName("[PostgreSQL] REE-01 ATT-03 a placement counted day by day: days before it is long-term left out, a day above the minimum day capped, credited work added")
    void retalliedOnPostgres() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        List<LocalDate> days = walk.placedDays(ReengagementWalk.SWEPT_DAY);
        walk.recordDays(placement, days, List.of(300, 240, 240, 240, 240, 300, 180, 100));
        jdbc.update("update enrollment set long_term_from = ? where case_id = ?", days.get(4), placement.caseId());
        FixedEngineClock.setClock(ZonedDateTime.of(ReengagementWalk.SWEPT_DAY.atTime(16, 0), FixedEngineClock.DISTRICT));
        assignments.record("teacher", List.of(new AssignmentEntry(null, placement.caseId(), "Worksheet",
                ActivePlacements.START, ReengagementWalk.SWEPT_DAY.plusDays(7), 60, days.get(6), 30,
                "Complete and accurate")));

        SweepReport report = walk.sweepAfter(ReengagementWalk.SWEPT_DAY);

        // from Jan 19: 240 + 300 capped at 240 + 180 with 30 credited + 100 = 790 of 4 x 240 = 960
        assertThat(walk.findingsOf(report, placement)).extracting(Finding::ruleId, Finding::measured, Finding::required)
                .containsExactly(tuple("REE-01", 790, 960));
    }
}
