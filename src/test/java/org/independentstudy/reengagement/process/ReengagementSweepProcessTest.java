package org.independentstudy.reengagement.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.independentstudy.reengagement.ReengagementSweep;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.ReengagementWalk;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process reengagement-sweep: the nightly sweep is the engine's own timer job, one row in the shared database,
 * so one node of a cluster takes it (issue 13 runs two nodes against it).
 */
@IntegrationTest
class ReengagementSweepProcessTest {

    @Autowired
    ManagementService management;
    @Autowired
    ReengagementSweep sweep;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ReengagementWalk walk;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("REE-01..04 the nightly sweep is one engine timer job; run in the evening it sweeps that school day, run again the same night it adds nothing, in the weekend it sweeps Friday once")
    void nightlyTimerSweepsOnce() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        assertThat(sweepJobs()).hasSize(1);
        at(2027, 1, 21, 20);
        runSweepJob();
        assertThat(sweep.report(LocalDate.of(2027, 1, 21))).hasValueSatisfying(r -> assertThat(r.runs()).isEqualTo(1));
        assertThat(walk.processOf(placement.caseId())).isNotNull();

        runSweepJob();
        at(2027, 1, 23, 20);
        runSweepJob();
        at(2027, 1, 24, 20);
        runSweepJob();

        assertThat(sweepJobs()).hasSize(1);
        assertThat(sweep.report(LocalDate.of(2027, 1, 21))).hasValueSatisfying(r -> assertThat(r.runs()).isEqualTo(1));
        assertThat(sweep.report(LocalDate.of(2027, 1, 22))).hasValueSatisfying(r -> assertThat(r.runs()).isEqualTo(1));
        assertThat(jdbc.queryForObject("select count(*) from reengagement where case_id = ?", Integer.class,
                placement.caseId())).isEqualTo(1);
    }

    @Test
    @DisplayName("REE-01..04 CAL-03 in summer, between two school years, the nightly sweep finds the year's last day and does not fail")
    void summerNight() {
        at(2027, 7, 15, 20);
        runSweepJob();

        assertThat(sweepJobs()).hasSize(1);
        assertThat(management.createJobQuery().withException().processDefinitionKey("reengagement-sweep").count())
                .isZero();
        assertThat(sweep.report(LocalDate.of(2027, 6, 10))).isPresent();
    }

    private List<Job> sweepJobs() {
        return management.createJobQuery().processDefinitionKey("reengagement-sweep").timers().list();
    }

    private void runSweepJob() {
        management.executeJob(sweepJobs().get(0).getId());
    }

    private static void at(int year, int month, int day, int hour) {
        FixedEngineClock.setClock(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, FixedEngineClock.DISTRICT));
    }
}
