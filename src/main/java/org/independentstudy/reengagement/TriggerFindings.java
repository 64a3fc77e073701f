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

    /** The inputs of one sweep day. */
    record SweepDay(LocalDate day, FourContinuousWeeks window, SchoolMonth month, List<String> synchronousGrades) {
    }

    private static final String PLACED = """
            placed as (
                select e.case_id, e.student_id, c.school_id, st.grade, e.program, e.policy_code,
                       coalesce(e.medical_exemption, false) as exempt,
                       case when e.long_term = true and (e.long_term_from is null or e.long_term_from <= :day) then true
                            else false end as long_term,
                       case when e.long_term_from > min(s.starts_on) then e.long_term_from else min(s.starts_on) end
                           as counted_from,
                       max(case when e.ended_on is not null and e.ended_on < s.ends_on then e.ended_on else s.ends_on end)
                           as last_day
                  from supervision s
                  join enrollment e on e.case_id = s.case_id
                  join is_case c on c.id = s.case_id
                  join student st on st.id = s.student_id
                 where s.starts_on <= :day and s.ends_on >= :day and c.closed_at is null %s
                 group by e.case_id, e.student_id, c.school_id, st.grade, e.program, e.policy_code, e.medical_exemption,
                          e.long_term, e.long_term_from
            ),
            eligible as (
                select p.*, m.minutes as minimum_day
                  from placed p
                  join minimum_school_day m on m.policy_code = p.policy_code and m.program = p.program
                                            and m.grade = p.grade
                 where p.exempt = false and p.long_term = true and p.last_day >= :day
            )""";

    private static final String FINDINGS = """
            with %s,
            window_day as (%s),
            required as (
                select p.case_id, count(*) * p.minimum_day as required_minutes
                  from eligible p join window_day w on w.school_day >= p.counted_from and w.school_day <= p.last_day
                 group by p.case_id, p.minimum_day
            ),
            day_input as (
                select case_id, school_day as input_day, synchronous_attended_minutes as minutes
                  from participation_day where school_day >= :windowFirst and school_day <= :day
                union all
                select case_id, completed_on, credited_minutes
                  from assignment where credited_minutes is not null and completed_on >= :windowFirst
                                    and completed_on <= :day
            ),
            generated as (
                select d.case_id, sum(case when d.minutes > d.minimum_day then d.minimum_day else d.minutes end)
                           as generated_minutes
                  from (select i.case_id, i.input_day, sum(i.minutes) as minutes, p.minimum_day
                          from day_input i
                          join eligible p on p.case_id = i.case_id
                          join window_day w on w.school_day = i.input_day
                         where i.input_day >= p.counted_from
                         group by i.case_id, i.input_day, p.minimum_day) d
                 group by d.case_id
            )
            select p.case_id, p.student_id, p.school_id, 'REE-01' as rule_id, 'window' as source_key,
                   cast(coalesce(g.generated_minutes, 0) as integer) as measured,
                   cast(r.required_minutes as integer) as required
              from eligible p
              join required r on r.case_id = p.case_id
              left join generated g on g.case_id = p.case_id
             where coalesce(g.generated_minutes, 0) * 10 < r.required_minutes * 9
            union all
            select p.case_id, p.student_id, p.school_id, 'REE-02', 'window',
                   cast(sum(case when d.synchronous_attended_minutes = 0 then 1 else 0 end) as integer),
                   cast(count(*) as integer)
              from eligible p
              join participation_day d on d.case_id = p.case_id
             where p.grade in (:synchronousGrades) and d.synchronous_offered_minutes > 0
               and d.school_day >= :monthFirst and d.school_day >= p.counted_from and d.school_day <= :day
             group by p.case_id, p.student_id, p.school_id
            having sum(case when d.synchronous_attended_minutes = 0 then 1 else 0 end) * 2 > count(*)
            union all
            select p.case_id, p.student_id, p.school_id, 'REE-03', cast(v.id as varchar(40)), cast(null as integer),
                   cast(null as integer)
              from eligible p
              join agreement_violation v on v.case_id = p.case_id
             where v.observed_on <= :day
               and not exists (select 1 from reengagement_trigger t where t.case_id = v.case_id
                                  and t.rule_id = 'REE-03' and t.source_key = cast(v.id as varchar(40)))
            union all
            select p.case_id, p.student_id, p.school_id, 'REE-04', cast(pe.id as varchar(40)), cast(null as integer),
                   cast(null as integer)
              from eligible p
              join progress_evaluation pe on pe.case_id = p.case_id
             where p.program = 'COURSE_BASED' and pe.satisfactory = false and pe.evaluated_on <= :day
               and not exists (select 1 from reengagement_trigger t where t.case_id = pe.case_id
                                  and t.rule_id = 'REE-04' and t.source_key = cast(pe.id as varchar(40)))
            """;

    private static final String LISTED = """
            with %s
            select p.case_id, case when p.exempt = true then 'EXEMPT' else 'SHORT_TERM' end as listing
              from placed p
             where p.last_day >= :day and (p.exempt = true or p.long_term = false)
            """;

    /** A trigger found for a case on a sweep day. */
    public record Finding(Long caseId, Long studentId, Long schoolId, String ruleId, String sourceKey,
                          Integer measured, Integer required) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final GradeSpanRequirements requirements;

    TriggerFindings(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, GradeSpanRequirements requirements) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.requirements = requirements;
    }

    /** The inputs of the sweep after {@code day}: its window, school month and the grades with synchronous instruction. */
    SweepDay sweepDay(LocalDate day) {
        List<String> synchronousGrades = Arrays.stream(Grade.values())
                .filter(g -> requirements.of(g, true, false).synchronousInstruction() != Frequency.NONE)
                .map(Grade::code).toList();
        return new SweepDay(day, FourContinuousWeeks.endingOn(calendar, day), calendar.schoolMonthOf(day),
                synchronousGrades);
    }

    /** The findings of the day for one case or (caseId null) for all, without writing anything. */
    public List<Finding> findings(SweepDay sweepDay, Long caseId) {
        return jdbc.query(findingsSql(sweepDay, caseId), parameters(sweepDay, caseId),
                (rs, row) -> new Finding(rs.getLong("case_id"), rs.getLong("student_id"), rs.getLong("school_id"),
                        rs.getString("rule_id"), rs.getString("source_key"), rs.getObject("measured", Integer.class),
                        rs.getObject("required", Integer.class)));
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
    static String findingsSql(SweepDay sweep, Long caseId) {
        return FINDINGS.formatted(placed(caseId), windowDays(sweep.window()));
    }

    /** The exempt (ENR-11) and short-term placements active that day: columns case_id, listing. */
    static String listedSql(Long caseId) {
        return LISTED.formatted(placed(caseId));
    }

    /** How many long-term, non-exempt placements the sweep covered that day: column count. */
    static String checkedSql() {
        return "with " + placed(null) + " select count(*) from eligible";
    }

    static MapSqlParameterSource parameters(SweepDay sweep, Long caseId) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("day", sweep.day())
                .addValue("windowFirst", sweep.window().schoolDays().get(0))
                .addValue("monthFirst", sweep.month().firstDay())
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

    private static String placed(Long caseId) {
        return PLACED.formatted(caseId == null ? "" : "and s.case_id = :caseId");
    }

    /** The window's school days as a derived table both H2 and PostgreSQL read. */
    private static String windowDays(FourContinuousWeeks window) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < window.schoolDays().size(); i++) {
            rows.add("select cast(:w" + i + " as date) as school_day");
        }
        return String.join(" union all ", rows);
    }
}
