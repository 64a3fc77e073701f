package org.independentstudy.reengagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
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
}
