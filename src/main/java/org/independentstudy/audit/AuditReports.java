package org.independentstudy.audit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolMonth;
import org.independentstudy.calendar.SchoolYear;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.participation.AttendanceRegister;
import org.independentstudy.participation.RegisterDayValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditor's reports, each a table exported as CSV or PDF, for a range of dates (a school year or less), one
 * school or the district: REC-03 the register and daily participation per student, REC-04 the teacher ratio for
 * P-2, REC-05 supervision by credentialed staff, REC-06 the grade book per class, and the monthly site summary that
 * reconciles to the register and to P-1 and P-2.
 */
@Service
@Transactional(readOnly = true)
public class AuditReports {

    /** What a report covers. */
    public record Scope(LocalDate from, LocalDate to, Long schoolId) {
    }

    /** A report's table, and the students whose records it discloses (FERPA). */
    public record ReportTable(String title, List<String> header, List<List<Object>> rows, Set<Long> students) {

        public CsvTable csv() {
            CsvTable table = new CsvTable(header);
            rows.forEach(table::add);
            return table;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SchoolCalendar calendar;
    private final MonthDay p1LastDay;
    private final MonthDay p2LastDay;

    AuditReports(NamedParameterJdbcTemplate jdbc, SchoolCalendar calendar,
                 @Value("${isp.attendance.p1-last-day:--12-31}") MonthDay p1LastDay,
                 @Value("${isp.attendance.p2-last-day:--04-15}") MonthDay p2LastDay) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.p1LastDay = p1LastDay;
        this.p2LastDay = p2LastDay;
    }

    /** REC-03 (ATT-01, ATT-03): per student and school day, the participation record and the register's value. */
    public ReportTable register(Scope scope) {
        Set<Long> students = new LinkedHashSet<>();
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                select st.id as student_id, st.student_number, st.last_name, st.first_name, sc.name as school,
                       r.case_id, r.register_day, r.synchronous_minutes, r.work_minutes, r.minimum_day_minutes,
                       d.status, d.nonparticipatory_reason, d.recorded_by
                  from (%s) r
                  join is_case c on c.id = r.case_id
                  join student st on st.id = c.student_id
                  join school sc on sc.id = c.school_id
                  left join participation_day d on d.case_id = r.case_id and d.school_day = r.register_day
                 where r.register_day between :from and :to %s
                 order by sc.name, st.last_name, st.first_name, st.id, r.register_day"""
                .formatted(AttendanceRegister.DAY_INPUTS + " group by x.case_id, x.register_day, m.minutes",
                        scope.schoolId() == null ? "" : "and c.school_id = :school"), parameters(scope), rs -> {
                    students.add(rs.getLong("student_id"));
                    int sync = rs.getInt("synchronous_minutes");
                    int work = rs.getInt("work_minutes");
                    rows.add(List.of(rs.getString("student_number"), rs.getString("last_name"),
                            rs.getString("first_name"), rs.getString("school"), rs.getLong("case_id"),
                            rs.getObject("register_day", LocalDate.class), text(rs.getString("status")),
                            text(rs.getString("nonparticipatory_reason")), sync, work,
                            rs.getInt("minimum_day_minutes"), RegisterDayValue.of(work, sync,
                                    rs.getInt("minimum_day_minutes")), text(rs.getString("recorded_by"))));
                });
        return new ReportTable("REC-03 Attendance register and daily participation record", List.of("student_number",
                "last_name", "first_name", "school", "case", "school_day", "participation", "nonparticipatory_reason",
                "synchronous_minutes", "credited_work_minutes", "minimum_day_minutes", "register_days", "recorded_by"),
                rows, students);
    }

    /**
     * REC-01: the students who participated, by school, grade and program: how many, their participatory days and
     * register days, the assignments attempted and completed (the curriculum units of K-8), and for course-based
     * placements the course credits attempted as their agreements list them and those their teachers awarded (the
     * latest award of each course).
     */
    public ReportTable participants(Scope scope) {
        Map<String, Object[]> groups = new LinkedHashMap<>();
        Set<Long> students = new LinkedHashSet<>();
        jdbc.query("""
                select sc.name as school, st.grade, e.program, st.id as student_id,
                       (select count(*) from participation_day d where d.case_id = c.id and d.status = 'PARTICIPATORY'
                           and d.school_day between :from and :to) as participatory_days,
                       (select count(*) from assignment a where a.case_id = c.id and a.due_on between :from and :to)
                           as attempted,
                       (select count(*) from assignment a where a.case_id = c.id and a.due_on between :from and :to
                           and a.completed_on is not null) as completed,
                       (select v.content from agreement_version v join written_agreement w on w.id = v.agreement_id
                         where w.case_id = c.id and v.status = 'FULLY_SIGNED' order by v.version_number desc
                         fetch first 1 rows only) as agreement,
                       (select coalesce(sum(w.credits_awarded), 0) from course_credit_award w
                         where w.case_id = c.id and not exists (select 1 from course_credit_award later
                            where later.case_id = w.case_id and later.course_name = w.course_name
                              and (later.awarded_at > w.awarded_at or (later.awarded_at = w.awarded_at and later.id > w.id))))
                           as awarded
                  from is_case c
                  join enrollment e on e.case_id = c.id
                  join student st on st.id = c.student_id
                  join school sc on sc.id = c.school_id
                 where exists (select 1 from participation_day d where d.case_id = c.id and d.status = 'PARTICIPATORY'
                                  and d.school_day between :from and :to) %s
                 order by sc.name, st.grade, e.program""".formatted(scope.schoolId() == null ? ""
                : "and c.school_id = :school"), parameters(scope), rs -> {
                    students.add(rs.getLong("student_id"));
                    Object[] group = groups.computeIfAbsent(rs.getString("school") + "\u0000" + rs.getString("grade")
                            + "\u0000" + rs.getString("program"), k -> new Object[] {new LinkedHashSet<Long>(), 0L, 0L,
                            0L, BigDecimal.ZERO, BigDecimal.ZERO});
                    @SuppressWarnings("unchecked") Set<Long> ids = (Set<Long>) group[0];
                    ids.add(rs.getLong("student_id"));
                    group[1] = (Long) group[1] + rs.getLong("participatory_days");
                    group[2] = (Long) group[2] + rs.getLong("attempted");
                    group[3] = (Long) group[3] + rs.getLong("completed");
                    group[4] = ((BigDecimal) group[4]).add(CourseCredits.of(rs.getString("agreement")));
                    group[5] = ((BigDecimal) group[5]).add(rs.getBigDecimal("awarded"));
                });
        List<List<Object>> rows = new ArrayList<>();
        groups.forEach((key, group) -> {
            String[] parts = key.split("\u0000");
            boolean courseBased = "COURSE_BASED".equals(parts[2]);
            rows.add(List.of(parts[0], parts[1], parts[2], ((Set<?>) group[0]).size(), group[1], group[2], group[3],
                    courseBased ? group[4] : "", courseBased ? group[5] : ""));
        });
        return new ReportTable("REC-01 Students who participated in independent study", List.of("school", "grade",
                "program", "students", "participatory_days", "assignments_attempted", "assignments_completed",
                "course_credits_attempted", "course_credits_awarded"), rows, students);
    }

    /** REC-02: every agreement version with its status and fingerprint, and up to three work samples of the placement. */
    public ReportTable agreementsFile(Scope scope) {
        Set<Long> students = new LinkedHashSet<>();
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                select st.id as student_id, st.student_number, st.last_name, st.first_name, c.id as case_id,
                       v.version_number, v.status, v.fully_signed_at, v.content_sha256,
                       (select count(*) from work_sample w where w.case_id = c.id) as samples
                  from written_agreement a
                  join agreement_version v on v.agreement_id = a.id
                  join is_case c on c.id = a.case_id
                  join student st on st.id = c.student_id
                  join enrollment e on e.case_id = c.id
                 where e.requested_start <= :to and e.projected_end >= :from %s
                 order by st.last_name, st.first_name, c.id, v.version_number""".formatted(scope.schoolId() == null
                ? "" : "and c.school_id = :school"), parameters(scope), rs -> {
                    students.add(rs.getLong("student_id"));
                    List<String> samples = jdbc.queryForList("""
                            select file_name || ' (' || notation || ')' from work_sample where case_id = :caseId
                             order by uploaded_at fetch first 3 rows only""",
                            new MapSqlParameterSource("caseId", rs.getLong("case_id")), String.class);
                    rows.add(List.of(rs.getString("student_number"), rs.getString("last_name"),
                            rs.getString("first_name"), rs.getLong("case_id"), rs.getInt("version_number"),
                            rs.getString("status"), text(rs.getTimestamp("fully_signed_at")),
                            rs.getString("content_sha256"), rs.getLong("samples"), String.join("; ", samples)));
                });
        return new ReportTable("REC-02 Agreements file with representative work samples", List.of("student_number",
                "last_name", "first_name", "case", "version", "status", "fully_signed_at", "sha256", "work_samples",
                "representative_work_samples"), rows, students);
    }

    /** REC-05 (AGR-11): who supervised each student, when, and the credential that authorized it. */
    public ReportTable supervision(Scope scope) {
        Set<Long> students = new LinkedHashSet<>();
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                select st.id as student_id, st.student_number, st.last_name, st.first_name, sc.name as school,
                       s.class_name, s.teacher_username, m.full_name as teacher, s.starts_on, s.ends_on,
                       cr.credential_type, cr.document_number, cr.issued_on, cr.expires_on
                  from supervision s
                  join student st on st.id = s.student_id
                  join school sc on sc.id = s.school_id
                  left join staff_member m on m.username = s.teacher_username
                  left join credential cr on cr.staff_id = m.id and cr.issued_on <= s.starts_on
                                         and cr.expires_on >= s.ends_on
                 where s.starts_on <= :to and s.ends_on >= :from %s
                 order by sc.name, st.last_name, st.first_name, s.starts_on"""
                .formatted(scope.schoolId() == null ? "" : "and s.school_id = :school"), parameters(scope), rs -> {
                    students.add(rs.getLong("student_id"));
                    String credential = rs.getString("credential_type");
                    rows.add(List.of(rs.getString("student_number"), rs.getString("last_name"),
                            rs.getString("first_name"), rs.getString("school"), rs.getString("class_name"),
                            text(rs.getString("teacher")), rs.getObject("starts_on", LocalDate.class),
                            rs.getObject("ends_on", LocalDate.class), text(credential),
                            text(rs.getString("document_number")), credential == null
                                    ? "NO CREDENTIAL COVERING THE PLACEMENT" : "credentialed"));
                });
        return new ReportTable("REC-05 Supervision by credentialed staff", List.of("student_number", "last_name",
                "first_name", "school", "class", "supervising_teacher", "from", "to", "credential", "document_number",
                "finding"), rows, students);
    }

    /** REC-06 (ATT-05): per class, every assignment of its students with its evaluation and credited time. */
    public ReportTable gradeBook(Scope scope) {
        Set<Long> students = new LinkedHashSet<>();
        List<List<Object>> rows = new ArrayList<>();
        jdbc.query("""
                select distinct s.teacher_username, s.class_name, st.id as student_id, st.student_number,
                       st.last_name, st.first_name, a.title, a.assigned_on, a.due_on, a.time_value_minutes,
                       a.completed_on, a.credited_minutes, a.evaluation, a.evaluated_by
                  from assignment a
                  join supervision s on s.case_id = a.case_id and s.teacher_username = a.teacher_username
                  join student st on st.id = a.student_id
                 where a.assigned_on <= :to and a.due_on >= :from %s
                 order by s.teacher_username, s.class_name, st.last_name, st.first_name, a.assigned_on"""
                .formatted(scope.schoolId() == null ? "" : "and s.school_id = :school"), parameters(scope), rs -> {
                    students.add(rs.getLong("student_id"));
                    rows.add(List.of(rs.getString("teacher_username"), rs.getString("class_name"),
                            rs.getString("student_number"), rs.getString("last_name"), rs.getString("first_name"),
                            rs.getString("title"), rs.getObject("assigned_on", LocalDate.class),
                            rs.getObject("due_on", LocalDate.class), rs.getInt("time_value_minutes"),
                            text(rs.getObject("completed_on", LocalDate.class)),
                            text(rs.getObject("credited_minutes", Integer.class)), text(rs.getString("evaluation")),
                            text(rs.getString("evaluated_by"))));
                });
        return new ReportTable("REC-06 Grade book per class", List.of("teacher", "class", "student_number",
                "last_name", "first_name", "assignment", "assigned_on", "due_on", "time_value_minutes",
                "completed_on", "credited_minutes", "evaluation", "evaluated_by"), rows, students);
    }

    /**
     * The monthly site summary: per school and school month, the independent-study days the register generated; the
     * last rows sum the months into P-1 and P-2 (their last days are configuration), so the summary reconciles to
     * the register (REC-03) and to the attendance reported at P-1 and P-2.
     */
    public ReportTable siteSummary(Scope scope) {
        Map<String, BigDecimal> byMonth = new LinkedHashMap<>();
        Map<String, Set<Long>> studentsByMonth = new LinkedHashMap<>();
        Set<Long> students = new LinkedHashSet<>();
        SchoolYear year = calendar.schoolYearOf(scope.from());
        BigDecimal p1 = BigDecimal.ZERO;
        BigDecimal p2 = BigDecimal.ZERO;
        LocalDate p1End = cutOff(year, p1LastDay);
        LocalDate p2End = cutOff(year, p2LastDay);
        for (List<Object> row : register(scope).rows()) {
            LocalDate day = (LocalDate) row.get(5);
            BigDecimal value = (BigDecimal) row.get(11);
            SchoolMonth month = calendar.schoolMonthOf(day);
            String key = row.get(3) + "\u0000" + month.number() + "\u0000" + month.firstDay() + "\u0000"
                    + month.lastDay();
            byMonth.merge(key, value, BigDecimal::add);
            studentsByMonth.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(Long.valueOf(String.valueOf(row.get(4))));
            p1 = day.isAfter(p1End) ? p1 : p1.add(value);
            p2 = day.isAfter(p2End) ? p2 : p2.add(value);
        }
        List<List<Object>> rows = new ArrayList<>();
        byMonth.forEach((key, days) -> {
            String[] parts = key.split("\u0000");
            rows.add(List.of(parts[0], Integer.valueOf(parts[1]), parts[2], parts[3], studentsByMonth.get(key).size(),
                    days));
        });
        // four decimals as the register keeps them: the months add up to the register exactly
        rows.add(List.of("P-1 (through " + p1End + ")", "", "", "", "", p1));
        rows.add(List.of("P-2 (through " + p2End + ")", "", "", "", "", p2));
        return new ReportTable("Monthly site summary of independent-study days", List.of("school", "school_month",
                "first_day", "last_day", "placements", "independent_study_days"), rows, students);
    }

    /**
     * REC-04 (EC 51745.6): per school year, P-2 independent-study ADA per FTE teacher (the FTE of the teachers who
     * supervised in the period, kept in {@code teacher_fte}), next to the district's ratio for its other programs.
     */
    public ReportTable teacherRatio(Scope scope) {
        SchoolYear year = calendar.schoolYearOf(scope.from());
        LocalDate p2End = cutOff(year, p2LastDay);
        Scope p2 = new Scope(year.firstDay(), p2End, scope.schoolId());
        BigDecimal registerDays = register(p2).rows().stream().map(r -> (BigDecimal) r.get(11))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int schoolDays = calendar.countSchoolDays(year.firstDay(), p2End);
        BigDecimal fte = jdbc.queryForObject("""
                select sum(f.fte) from teacher_fte f where f.school_year = :year
                   and f.teacher_username in (select s.teacher_username from supervision s
                        where s.starts_on <= :to and s.ends_on >= :from %s)"""
                .formatted(scope.schoolId() == null ? "" : "and s.school_id = :school"),
                parameters(p2).addValue("year", year.label()), BigDecimal.class);
        BigDecimal other = jdbc.queryForList("select other_programs_ratio from district_ratio where school_year = :year",
                new MapSqlParameterSource("year", year.label()), BigDecimal.class).stream().findFirst().orElse(null);
        BigDecimal ratio = TeacherRatio.perFte(registerDays, schoolDays, fte);
        return new ReportTable("REC-04 Teacher ratio at P-2", List.of("school_year", "p2_through", "school_days",
                "register_days", "ada", "teacher_fte", "ada_per_fte", "other_programs_ratio", "within_other_ratio"),
                List.of(List.of(year.label(), p2End, schoolDays, registerDays,
                        TeacherRatio.ada(registerDays, schoolDays), text(fte), text(ratio), text(other),
                        ratio == null || other == null ? "" : String.valueOf(ratio.compareTo(other) <= 0))),
                Set.of());
    }

    private LocalDate cutOff(SchoolYear year, MonthDay lastDay) {
        LocalDate inFirstCalendarYear = lastDay.atYear(year.firstDay().getYear());
        return inFirstCalendarYear.isBefore(year.firstDay()) ? lastDay.atYear(year.firstDay().getYear() + 1)
                : inFirstCalendarYear;
    }

    private static MapSqlParameterSource parameters(Scope scope) {
        if (scope.from() == null || scope.to() == null || scope.to().isBefore(scope.from())) {
            throw InvalidRequestException.field("to", "from and to are required, to on or after from");
        }
        return new MapSqlParameterSource("from", scope.from()).addValue("to", scope.to())
                .addValue("school", scope.schoolId());
    }

    private static Object text(Object value) {
        return value == null ? "" : value;
    }
}
