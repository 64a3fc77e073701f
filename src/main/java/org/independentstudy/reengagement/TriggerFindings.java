package org.independentstudy.reengagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.calendar.SchoolMonth;
import org.independentstudy.participation.Frequency;
import org.independentstudy.participation.GradeSpanRequirements;
import org.independentstudy.people.Grade;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * REE-01..04, the triggers, in one place: the set-based SQL that finds, for the school day D of a sweep, every
 * long-term, non-exempt placement active that day whose data meets a trigger. One statement covers the whole
 * district; a case filter narrows it to one placement when a correction asks whether a trigger still holds.
 *
 * <ul>
 *   <li>REE-01: attendance generated (ATT-03: per day the synchronous minutes attended plus the credited work,
 *       never more than the minimum day, as {@code RegisterDayValue}) below 90 % of the required time: the minimum
 *       day (ATT-04) times the school days of the {@link FourContinuousWeeks} on which the placement was long-term.
 *       Exactly 90 % is not a trigger ({@code generated * 10 < required * 9}).</li>
 *   <li>REE-02: synchronous instruction scheduled (offered minutes on the day's record) and missed (no minute
 *       attended) on more than half of the scheduled days of D's school month, for the grades whose span requires
 *       synchronous instruction (ATT-02, the analysts' decision table). Exactly 50 % is not a trigger.</li>
 *   <li>REE-03: an agreement violation the teacher recorded, each once.</li>
 *   <li>REE-04: course-based placements: an evaluation that found progress unsatisfactory, each once.</li>
 * </ul>
 */
@Component
public class TriggerFindings {

    /** How far back the latest school day is looked for: longer than any summer. */
    private static final int SEARCH_DAYS = 120;

    /**
     * The inputs of one sweep day.
     *
     * @param schoolDays the school days of the window and of the month up to the day, oldest first: the days read
     */
    record SweepDay(LocalDate day, FourContinuousWeeks window, SchoolMonth month, List<String> synchronousGrades,
                    List<LocalDate> schoolDays) {
    }

    /**
     * The placements the REE rules cover on the sweep day: active that day, long-term from a day up to it, not
     * exempt, with the minimum day of their grade (ATT-04), the first day counted, whether their grade span has
     * synchronous instruction (ATT-02) and REE-01's required minutes: the minimum day times the window's school days
     * from the first day counted ({@code %2$s}, a CASE over the window), computed once per placement.
     */
    private static final String ELIGIBLE = """
            eligible as (
                select q.*, q.minimum_day * %2$s as required_minutes
                  from (select e.case_id, e.student_id, c.school_id, e.program, m.minutes as minimum_day,
                               case when st.grade in (:synchronousGrades) then 1 else 0 end as synchronous,
                               case when e.long_term_from > s.first_day then e.long_term_from else s.first_day end
                                   as counted_from
                          from (select case_id, min(starts_on) as first_day from supervision
                                 where starts_on <= :day and ends_on >= :day %1$s group by case_id) s
                          join enrollment e on e.case_id = s.case_id
                          join is_case c on c.id = s.case_id
                          join student st on st.id = e.student_id
                          join minimum_school_day m on m.policy_code = e.policy_code and m.program = e.program
                                                    and m.grade = st.grade
                         where c.closed_at is null and e.long_term = true
                           and (e.long_term_from is null or e.long_term_from <= :day)
                           and (e.medical_exemption is null or e.medical_exemption = false)
                           and (e.ended_on is null or e.ended_on >= :day)) q
            )""";

    /**
     * The participation of the window and the month (their school days, {@code :schoolDays}) read in one pass and
     * grouped by the table's own case id, as plainly as a bare aggregate would (so the planner knows the groups):
     * per case its minutes attended in the window, REE-02's scheduled and missed sessions in the month, its first
     * recorded day and its most minutes on a day. For nearly every placement these are its figures. The few whose
     * totals would count a day before the placement counts, or a day above the minimum day (ATT-03 caps each day),
     * are {@code retallied} day by day ({@code %2$s}: on PostgreSQL a materialized step, so that they are found
     * before the participation is read again). A correction's check of one placement ({@code %3$s}) reads only its
     * rows. Credited work (usually far fewer rows) adds, per day it was credited, what it raises that day's capped
     * value by; on a day without a record, its own minutes up to the minimum day.
     */
    private static final String FINDINGS = """
            with %1$s,
            work as (
                select case_id, completed_on as work_day, sum(credited_minutes) as minutes
                  from assignment where credited_minutes is not null and completed_on in (:schoolDays)
                                    and completed_on >= :windowFirst %3$s
                 group by case_id, completed_on
            ),
            totals as (
                select case_id, min(school_day) as first_recorded, max(synchronous_attended_minutes) as most_attended,
                       sum(case when school_day >= :windowFirst then synchronous_attended_minutes else 0 end)
                           as generated_minutes,
                       sum(case when school_day >= :monthFirst and synchronous_offered_minutes > 0 then 1 else 0 end)
                           as scheduled,
                       sum(case when school_day >= :monthFirst and synchronous_offered_minutes > 0
                                     and synchronous_attended_minutes = 0 then 1 else 0 end) as missed
                  from participation_day
                 where school_day in (:schoolDays) %3$s
                 group by case_id
            ),
            retallied as %2$s(
                select p.case_id, p.minimum_day, p.counted_from
                  from eligible p
                  join totals t on t.case_id = p.case_id
                               and (t.first_recorded < p.counted_from or t.most_attended > p.minimum_day)
            ),
            exact as (
                select d.case_id,
                       sum(case when d.school_day < :windowFirst then 0
                                when d.synchronous_attended_minutes > p.minimum_day then p.minimum_day
                                else d.synchronous_attended_minutes end) as generated_minutes,
                       sum(case when d.school_day >= :monthFirst and d.synchronous_offered_minutes > 0 then 1 else 0 end)
                           as scheduled,
                       sum(case when d.school_day >= :monthFirst and d.synchronous_offered_minutes > 0
                                     and d.synchronous_attended_minutes = 0 then 1 else 0 end) as missed
                  from retallied p
                  join participation_day d on d.case_id = p.case_id and d.school_day >= p.counted_from
                 where d.school_day in (:schoolDays)
                 group by d.case_id
            ),
            credited as (
                select w.case_id,
                       sum(case when w.minutes + coalesce(d.synchronous_attended_minutes, 0) > p.minimum_day
                                then p.minimum_day else w.minutes + coalesce(d.synchronous_attended_minutes, 0) end
                           - case when d.synchronous_attended_minutes > p.minimum_day then p.minimum_day
                                  else coalesce(d.synchronous_attended_minutes, 0) end) as generated_minutes
                  from work w
                  join eligible p on p.case_id = w.case_id and w.work_day >= p.counted_from
                  left join participation_day d on d.case_id = w.case_id and d.school_day = w.work_day
                 group by w.case_id
            ),
            assessed as (
                select p.case_id, p.student_id, p.school_id, p.program, p.required_minutes,
                       coalesce(x.generated_minutes, t.generated_minutes, 0) + coalesce(c.generated_minutes, 0)
                           as generated_minutes,
                       case when p.synchronous = 1 then coalesce(x.scheduled, t.scheduled, 0) else 0 end as scheduled,
                       case when p.synchronous = 1 then coalesce(x.missed, t.missed, 0) else 0 end as missed
                  from eligible p
                  left join totals t on t.case_id = p.case_id
                  left join exact x on x.case_id = p.case_id
                  left join credited c on c.case_id = p.case_id
            )
            select a.case_id, a.student_id, a.school_id, 'REE-01' as rule_id, 'window' as source_key,
                   cast(a.generated_minutes as integer) as measured, cast(a.required_minutes as integer) as required
              from assessed a
             where a.generated_minutes * 10 < a.required_minutes * 9
            union all
            select a.case_id, a.student_id, a.school_id, 'REE-02', 'window', cast(a.missed as integer),
                   cast(a.scheduled as integer)
              from assessed a
             where a.missed * 2 > a.scheduled
            union all
            select p.case_id, p.student_id, p.school_id, 'REE-03', cast(v.id as varchar(40)), cast(null as integer),
                   cast(null as integer)
              from assessed p
              join agreement_violation v on v.case_id = p.case_id
             where v.observed_on <= :day
               and not exists (select 1 from reengagement_trigger t where t.case_id = v.case_id
                                  and t.rule_id = 'REE-03' and t.source_key = cast(v.id as varchar(40)))
            union all
            select p.case_id, p.student_id, p.school_id, 'REE-04', cast(pe.id as varchar(40)), cast(null as integer),
                   cast(null as integer)
              from assessed p
              join progress_evaluation pe on pe.case_id = p.case_id
             where p.program = 'COURSE_BASED' and pe.satisfactory = false and pe.evaluated_on <= :day
               and not exists (select 1 from reengagement_trigger t where t.case_id = pe.case_id
                                  and t.rule_id = 'REE-04' and t.source_key = cast(pe.id as varchar(40)))
            union all
            select cast(null as bigint), cast(null as bigint), cast(null as bigint), 'COVERED', cast(null as varchar(40)),
                   cast(count(*) as integer), cast(null as integer)
              from eligible
            """;

    /**
     * The placements active that day that the rules do not cover: exempt (ENR-11) or short-term. Few, so they are
     * found from the enrollment's own flags first; those covered are counted by the finding query.
     */
    private static final String LISTED = """
            select e.case_id, case when e.medical_exemption = true then 'EXEMPT' else 'SHORT_TERM' end as listing
              from enrollment e
              join is_case c on c.id = e.case_id
             where (e.medical_exemption = true or coalesce(e.long_term, false) = false or e.long_term_from > :day)
               and c.closed_at is null and (e.ended_on is null or e.ended_on >= :day)
               and exists (select 1 from supervision s where s.case_id = e.case_id and s.starts_on <= :day
                              and s.ends_on >= :day %s)
            """;

    /** The rule id of the finding query's one row counting the placements covered ({@code measured}): no finding. */
    private static final String COVERED = "COVERED";

    /** What the finding query found, and how many placements (long-term, not exempt) it covered. */
    record Assessment(List<Finding> findings, int covered) {
    }

    /** A trigger found for a case on a sweep day. */
    public record Finding(Long caseId, Long studentId, Long schoolId, String ruleId, String sourceKey,
                          Integer measured, Integer required) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final GradeSpanRequirements requirements;
    private final String batchWorkMemory;
    private final boolean postgres;

    TriggerFindings(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, GradeSpanRequirements requirements,
                    @Value("${isp.reengagement.sweep-work-mem:64MB}") String batchWorkMemory) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.requirements = requirements;
        if (!batchWorkMemory.matches("\\d+(kB|MB|GB)")) {
            throw new IllegalArgumentException("isp.reengagement.sweep-work-mem: a size such as 64MB");
        }
        this.batchWorkMemory = batchWorkMemory;
        this.postgres = "PostgreSQL".equals(jdbc.getJdbcTemplate().execute(
                (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName()));
    }

    /**
     * On PostgreSQL, within the calling transaction, the sorts and hashes of a district-wide sweep may use
     * {@code isp.reengagement.sweep-work-mem} (64MB) instead of the server's per-request default (4MB), so they
     * stay in memory instead of spilling to disk; a night's batch, not a request.
     */
    public void batchMemory() {
        if (postgres) {
            jdbc.getJdbcTemplate().execute("set local work_mem = '" + batchWorkMemory + "'");
        }
    }

    /** The inputs of the sweep after {@code day}: its window, school month and the grades with synchronous instruction. */
    SweepDay sweepDay(LocalDate day) {
        List<String> synchronousGrades = Arrays.stream(Grade.values())
                .filter(g -> requirements.of(g, true, false).synchronousInstruction() != Frequency.NONE)
                .map(Grade::code).toList();
        FourContinuousWeeks window = FourContinuousWeeks.endingOn(calendar, day);
        SchoolMonth month = calendar.schoolMonthOf(day);
        LocalDate first = month.firstDay().isBefore(window.schoolDays().get(0)) ? month.firstDay()
                : window.schoolDays().get(0);
        return new SweepDay(day, window, month, synchronousGrades, calendar.schoolDaysBetween(first, day));
    }

    /** The findings of the day for one case or (caseId null) for all, without writing anything. */
    public List<Finding> findings(SweepDay sweepDay, Long caseId) {
        return assessment(sweepDay, caseId).findings();
    }

    /** The findings of the day for one case or (caseId null) for all, and how many placements the rules covered. */
    Assessment assessment(SweepDay sweepDay, Long caseId) {
        List<Finding> findings = new ArrayList<>();
        int[] covered = {0};
        jdbc.query(findingsSql(sweepDay, caseId, postgres), parameters(sweepDay, caseId), rs -> {
            if (COVERED.equals(rs.getString("rule_id"))) {
                covered[0] = rs.getInt("measured");
            } else {
                findings.add(new Finding(rs.getLong("case_id"), rs.getLong("student_id"), rs.getLong("school_id"),
                        rs.getString("rule_id"), rs.getString("source_key"), rs.getObject("measured", Integer.class),
                        rs.getObject("required", Integer.class)));
            }
        });
        return new Assessment(findings, covered[0]);
    }

    /** The attendance triggers (REE-01, REE-02) of the case that hold on the latest school day up to {@code day}. */
    public List<Finding> attendanceTriggersOn(LocalDate day, Long caseId) {
        return latestSchoolDayUpTo(day).map(schoolDay -> findings(sweepDay(schoolDay), caseId).stream()
                .filter(f -> f.ruleId().equals("REE-01") || f.ruleId().equals("REE-02")).toList()).orElse(List.of());
    }

    /**
     * The latest school day up to {@code day}: the day itself, the Friday before a weekend, the last day before a
     * break, the school year's last day in summer; empty when no loaded calendar has one in the preceding months.
     */
    public Optional<LocalDate> latestSchoolDayUpTo(LocalDate day) {
        for (LocalDate candidate = day; candidate.isAfter(day.minusDays(SEARCH_DAYS)); candidate = candidate.minusDays(1)) {
            try {
                if (calendar.isSchoolDay(candidate)) {
                    return Optional.of(candidate);
                }
            } catch (SchoolCalendarException e) {
                // a summer day between two school years, or a year without a calendar: look further back
            }
        }
        return Optional.empty();
    }

    /** The findings of the day as a query: columns case_id, student_id, school_id, rule_id, source_key, measured, required. */
    static String findingsSql(SweepDay sweep, Long caseId, boolean postgres) {
        return FINDINGS.formatted(ELIGIBLE.formatted(caseFilter(caseId), windowDaysFrom(sweep.window())),
                postgres ? "materialized " : "", caseFilter(caseId));
    }

    /** The exempt (ENR-11) and short-term placements active that day: case_id, listing. */
    static String listedSql(Long caseId) {
        return LISTED.formatted(caseFilter(caseId));
    }

    static MapSqlParameterSource parameters(SweepDay sweep, Long caseId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("day", sweep.day())
                .addValue("windowFirst", sweep.window().schoolDays().get(0))
                .addValue("monthFirst", sweep.month().firstDay())
                .addValue("schoolDays", sweep.schoolDays())
                // an empty IN list is not SQL; no grade code is '-'
                .addValue("synchronousGrades", sweep.synchronousGrades().isEmpty() ? List.of("-")
                        : sweep.synchronousGrades())
                .addValue("caseId", caseId);
        List<LocalDate> days = sweep.window().schoolDays();
        for (int i = 0; i < days.size(); i++) {
            parameters.addValue("w" + i, days.get(i));
        }
        return parameters;
    }

    private static String caseFilter(Long caseId) {
        return caseId == null ? "" : "and case_id = :caseId";
    }

    /** How many of the window's school days are on or after {@code q.counted_from}: a CASE over the window, oldest first. */
    private static String windowDaysFrom(FourContinuousWeeks window) {
        int days = window.schoolDays().size();
        StringBuilder sql = new StringBuilder("case");
        for (int i = 0; i < days; i++) {
            sql.append(" when q.counted_from <= :w").append(i).append(" then ").append(days - i);
        }
        return sql.append(" else 0 end").toString();
    }
}
