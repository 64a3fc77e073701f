package org.independentstudy.participation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.participation.RequirementGap.Kind;
import org.independentstudy.participation.RequirementGap.Opportunity;
import org.independentstudy.people.Grade;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATT-02: the gap report. For every placement in scope, its required schedule (the grade-span table) over the
 * school days it ran within the range, against what was recorded (ATT-01): every required opportunity not offered
 * or not documented. Read set-wise: one query for the placements, one for their recorded days.
 */
@Service
@Transactional(readOnly = true)
public class RequirementGaps {

    /** Whose placements a report covers: a teacher's students, a school's, or the whole district's. */
    public record Scope(String teacher, Long schoolId) {
        public static Scope teacher(String username) {
            return new Scope(username, null);
        }

        public static Scope school(Long schoolId) {
            return new Scope(null, schoolId);
        }

        public static final Scope DISTRICT = new Scope(null, null);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final GradeSpanRequirements requirements;

    RequirementGaps(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar, GradeSpanRequirements requirements) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.requirements = requirements;
    }

    public List<RequirementGap> between(LocalDate from, LocalDate to, Scope scope) {
        List<Placement> placements = placements(from, to, scope);
        Map<Long, Map<LocalDate, Recorded>> recorded = recorded(placements, from, to);
        List<RequirementGap> gaps = new ArrayList<>();
        Map<Grade, Map<Boolean, Map<Boolean, RequiredSchedule>>> schedules = new HashMap<>();
        for (Placement p : placements) {
            RequiredSchedule schedule = schedules.computeIfAbsent(p.grade(), g -> new HashMap<>())
                    .computeIfAbsent(p.longTerm(), l -> new HashMap<>())
                    .computeIfAbsent(p.exempt(), e -> requirements.of(p.grade(), p.longTerm(), p.exempt()));
            LocalDate first = from.isAfter(p.firstDay()) ? from : p.firstDay();
            LocalDate last = to.isBefore(p.lastDay()) ? to : p.lastDay();
            if (first.isAfter(last)) {
                continue;
            }
            gapsOf(p, schedule, calendar.schoolDaysBetween(first, last),
                    recorded.getOrDefault(p.caseId(), Map.of()), gaps);
        }
        return gaps;
    }

    private static void gapsOf(Placement p, RequiredSchedule schedule, List<LocalDate> schoolDays,
                               Map<LocalDate, Recorded> recorded, List<RequirementGap> gaps) {
        Map<LocalDate, List<LocalDate>> weeks = new TreeMap<>();
        for (LocalDate day : schoolDays) {
            Recorded r = recorded.get(day);
            if (schedule.synchronousInstruction() == Frequency.DAILY) {
                daily(p, day, r, Opportunity.SYNCHRONOUS_INSTRUCTION, r != null && r.offeredMinutes() > 0, gaps);
            }
            if (schedule.liveInteraction() == Frequency.DAILY) {
                daily(p, day, r, Opportunity.LIVE_INTERACTION, r != null && r.liveInteractions() > 0, gaps);
            }
            weeks.computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), w -> new ArrayList<>())
                    .add(day);
        }
        weeks.forEach((monday, days) -> {
            if (schedule.synchronousInstruction() == Frequency.WEEKLY) {
                weekly(p, monday, days.stream().map(recorded::get).toList(), Opportunity.SYNCHRONOUS_INSTRUCTION, gaps);
            }
            if (schedule.liveInteraction() == Frequency.WEEKLY) {
                weekly(p, monday, days.stream().map(recorded::get).toList(), Opportunity.LIVE_INTERACTION, gaps);
            }
        });
    }

    private static void daily(Placement p, LocalDate day, Recorded r, Opportunity opportunity, boolean offered,
                              List<RequirementGap> gaps) {
        if (!offered) {
            gaps.add(p.gap(day, opportunity, Frequency.DAILY, r == null ? Kind.NOT_DOCUMENTED : Kind.NOT_OFFERED));
        }
    }

    private static void weekly(Placement p, LocalDate monday, List<Recorded> days, Opportunity opportunity,
                               List<RequirementGap> gaps) {
        boolean offered = days.stream().anyMatch(r -> r != null && (opportunity == Opportunity.SYNCHRONOUS_INSTRUCTION
                ? r.offeredMinutes() > 0 : r.liveInteractions() > 0));
        if (!offered) {
            boolean documented = days.stream().anyMatch(r -> r != null);
            gaps.add(p.gap(monday, opportunity, Frequency.WEEKLY, documented ? Kind.NOT_OFFERED : Kind.NOT_DOCUMENTED));
        }
    }

    private List<Placement> placements(LocalDate from, LocalDate to, Scope scope) {
        String sql = """
                select s.case_id, st.student_number, st.first_name || ' ' || st.last_name as student_name, st.grade,
                       s.teacher_username, s.starts_on,
                       case when e.ended_on is not null and e.ended_on < s.ends_on then e.ended_on else s.ends_on end
                           as last_day,
                       e.long_term, e.medical_exemption
                  from supervision s
                  join enrollment e on e.case_id = s.case_id
                  join student st on st.id = s.student_id
                 where s.starts_on <= :to and s.ends_on >= :from
                """ + (scope.teacher() != null ? " and s.teacher_username = :teacher" : "")
                + (scope.schoolId() != null ? " and s.school_id = :school" : "")
                + " order by st.last_name, st.first_name, s.case_id";
        return jdbc.query(sql, new MapSqlParameterSource("from", from).addValue("to", to)
                .addValue("teacher", scope.teacher()).addValue("school", scope.schoolId()), (rs, row) -> new Placement(
                rs.getLong("case_id"), rs.getString("student_number"), rs.getString("student_name"),
                Grade.of(rs.getString("grade")), rs.getString("teacher_username"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getBoolean("long_term"), rs.getBoolean("medical_exemption")));
    }

    private Map<Long, Map<LocalDate, Recorded>> recorded(List<Placement> placements, LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Recorded>> recorded = new HashMap<>();
        List<Long> ids = placements.stream().map(Placement::caseId).distinct().toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.query("""
                    select d.case_id, d.school_day, d.synchronous_offered_minutes,
                           (select count(*) from live_interaction i where i.participation_day_id = d.id) as live
                      from participation_day d
                     where d.case_id in (:ids) and d.school_day between :from and :to""",
                    new MapSqlParameterSource("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                            .addValue("from", from).addValue("to", to),
                    rs -> {
                        recorded.computeIfAbsent(rs.getLong("case_id"), id -> new HashMap<>()).put(
                                rs.getObject("school_day", LocalDate.class),
                                new Recorded(rs.getInt("synchronous_offered_minutes"), rs.getInt("live")));
                    });
        }
        return recorded;
    }

    private record Recorded(int offeredMinutes, int liveInteractions) {
    }

    private record Placement(Long caseId, String studentNumber, String studentName, Grade grade, String teacher,
                             LocalDate firstDay, LocalDate lastDay, boolean longTerm, boolean exempt) {
        RequirementGap gap(LocalDate day, Opportunity opportunity, Frequency frequency, Kind kind) {
            return new RequirementGap(caseId, studentNumber, studentName, teacher, day, opportunity, frequency, kind);
        }
    }
}
