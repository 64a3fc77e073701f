package org.independentstudy.reengagement;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.independentstudy.reengagement.TriggerFindings.Finding;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REE-01..04, REE-10: the sweep after a school day. One set-based query finds every trigger of the district
 * ({@link TriggerFindings}); the findings are kept as the sweep's report, and each either joins the student's open
 * re-engagement (REE-10) or opens one, whose process starts. Exempt (ENR-11) and short-term placements are listed,
 * never triggered. Running it again for the same day finds the same rows and adds nothing: findings, triggers
 * and re-engagements are written only where they do not exist yet, and the day's report row serializes two runs.
 */
@Service
public class ReengagementSweep {

    /** What a sweep found and did. */
    public record SweepReport(LocalDate schoolDay, int runs, int placementsChecked, List<Finding> findings,
                              int opened, int joined, List<Listed> listed) {
    }

    public record Listed(Long caseId, String listing) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TriggerFindings triggers;
    private final Reengagements reengagements;
    private final Clock clock;

    ReengagementSweep(NamedParameterJdbcTemplate jdbc, TriggerFindings triggers, Reengagements reengagements,
                      Clock clock) {
        this.jdbc = jdbc;
        this.triggers = triggers;
        this.reengagements = reengagements;
        this.clock = clock;
    }


    /** The sweep after school day {@code day}, by {@code actor} (the engine's nightly timer or an admin). */
    @Transactional
    public SweepReport sweep(LocalDate day, String actor) {
        TriggerFindings.SweepDay sweepDay = triggers.sweepDay(day);
        int runs = startRun(day, actor);
        triggers.batchMemory();
        TriggerFindings.Assessment assessment = triggers.assessment(sweepDay, null);
        List<Finding> findings = assessment.findings();
        recordFindings(day, findings);
        List<Listed> listed = jdbc.query(TriggerFindings.listedSql(null), TriggerFindings.parameters(sweepDay, null),
                (rs, row) -> new Listed(rs.getLong("case_id"), rs.getString("listing")));
        jdbc.batchUpdate("""
                insert into reengagement_sweep_listing (school_day, case_id, listing)
                select :day, :caseId, :listing where not exists (select 1 from reengagement_sweep_listing l
                    where l.school_day = :day and l.case_id = :caseId)""", listed.stream()
                .map(l -> new MapSqlParameterSource("day", day).addValue("caseId", l.caseId())
                        .addValue("listing", l.listing())).toArray(SqlParameterSource[]::new));
        Map<Long, List<Finding>> byCase = new LinkedHashMap<>();
        findings.forEach(f -> byCase.computeIfAbsent(f.caseId(), id -> new ArrayList<>()).add(f));
        Reengagements.Outcome outcome = reengagements.openOrJoin(day, byCase);
        jdbc.update("""
                update reengagement_sweep set placements_checked = :checked, opened = opened + :opened,
                       joined = joined + :joined where school_day = :day""",
                new MapSqlParameterSource("day", day).addValue("checked", assessment.covered())
                        .addValue("opened", outcome.opened()).addValue("joined", outcome.joined()));
        return new SweepReport(day, runs, assessment.covered(), findings, outcome.opened(), outcome.joined(),
                listed);
    }

    /** The latest report of a day's sweep; empty when it has not run. */
    @Transactional(readOnly = true)
    public Optional<SweepReport> report(LocalDate day) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from reengagement_sweep where school_day = :day",
                new MapSqlParameterSource("day", day));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        MapSqlParameterSource p = new MapSqlParameterSource("day", day);
        List<Finding> findings = jdbc.query("select * from reengagement_finding where school_day = :day order by case_id, rule_id",
                p, (rs, n) -> new Finding(rs.getLong("case_id"), rs.getLong("student_id"), rs.getLong("school_id"),
                        rs.getString("rule_id"), rs.getString("source_key"), rs.getObject("measured", Integer.class),
                        rs.getObject("required", Integer.class)));
        List<Listed> listed = jdbc.query("select * from reengagement_sweep_listing where school_day = :day order by case_id",
                p, (rs, n) -> new Listed(rs.getLong("case_id"), rs.getString("listing")));
        return Optional.of(new SweepReport(day, ((Number) row.get("runs")).intValue(),
                ((Number) row.get("placements_checked")).intValue(), findings, ((Number) row.get("opened")).intValue(),
                ((Number) row.get("joined")).intValue(), listed));
    }

    /** The day's report row, created or counted up; its row lock makes a second run of the same day wait. */
    private int startRun(LocalDate day, String actor) {
        MapSqlParameterSource p = new MapSqlParameterSource("day", day).addValue("actor", actor)
                .addValue("now", Timestamp.from(clock.instant()));
        int updated = jdbc.update("""
                update reengagement_sweep set runs = runs + 1, last_run_at = :now, last_run_by = :actor
                 where school_day = :day""", p);
        if (updated == 0) {
            jdbc.update("""
                    insert into reengagement_sweep (school_day, runs, first_run_at, last_run_at, last_run_by,
                        placements_checked, opened, joined)
                    values (:day, 1, :now, :now, :actor, 0, 0, 0)""", p);
        }
        return jdbc.queryForObject("select runs from reengagement_sweep where school_day = :day", p, Integer.class);
    }

    /**
     * The findings not recorded yet for the day, inserted as plain rows the driver batches into few statements (the
     * day's report row, locked by this run, keeps a second run of the same day from racing it).
     */
    private void recordFindings(LocalDate day, List<Finding> findings) {
        Set<String> recorded = new HashSet<>(jdbc.query("""
                select case_id, rule_id, source_key from reengagement_finding where school_day = :day""",
                new MapSqlParameterSource("day", day), (rs, row) -> rs.getLong("case_id") + "/" + rs.getString("rule_id")
                        + "/" + rs.getString("source_key")));
        jdbc.batchUpdate("""
                insert into reengagement_finding (school_day, case_id, student_id, school_id, rule_id, source_key,
                    measured, required)
                values (:day, :caseId, :studentId, :schoolId, :ruleId, :sourceKey, :measured, :required)""",
                findings.stream().filter(f -> !recorded.contains(f.caseId() + "/" + f.ruleId() + "/" + f.sourceKey()))
                        .map(f -> new MapSqlParameterSource("day", day).addValue("caseId", f.caseId())
                        .addValue("studentId", f.studentId()).addValue("schoolId", f.schoolId())
                        .addValue("ruleId", f.ruleId()).addValue("sourceKey", f.sourceKey())
                        .addValue("measured", f.measured(), Types.INTEGER)
                        .addValue("required", f.required(), Types.INTEGER))
                        .toArray(SqlParameterSource[]::new));
    }
}
