package org.independentstudy.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.independentstudy.agreement.AgreementActivated;
import org.independentstudy.agreement.AgreementContent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who supervises which student on which school day: the classes of independent study. Written when the agreement
 * becomes active (AGR-09), from the teachers it names (AGR-06: the supervising teacher, or each course's teacher
 * for course-based placements); read wherever a teacher records or is asked about a day (ATT-01, ATT-05).
 * A placement ended early (enrollment.ended_on) supervises nobody after its last day.
 */
@Service
@Transactional(readOnly = true)
public class Supervisions {

    /** The class of a traditional placement: its supervising teacher's independent-study students. */
    public static final String TRADITIONAL_CLASS = "Independent study";

    /** A student of a teacher's class on a school day, with the case the day belongs to. */
    public record SupervisedStudent(Long caseId, Long studentId, String studentNumber, String studentName,
                                    String grade, String className, LocalDate firstDay, LocalDate lastDay) {
    }

    // The rows of a teacher that supervise on :day; the last day is the agreement's or the placement's earlier end.
    private static final String SUPERVISING_ON_DAY = """
            select s.case_id, s.student_id, st.student_number, st.first_name || ' ' || st.last_name as student_name,
                   st.grade, s.class_name, s.starts_on,
                   case when e.ended_on is not null and e.ended_on < s.ends_on then e.ended_on else s.ends_on end
                       as last_day
              from supervision s
              join student st on st.id = s.student_id
              join enrollment e on e.case_id = s.case_id
             where s.teacher_username = :teacher and s.starts_on <= :day and s.ends_on >= :day
               and (e.ended_on is null or e.ended_on >= :day)
            """;

    private final NamedParameterJdbcTemplate jdbc;

    Supervisions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** AGR-09: the activated agreement's teachers supervise the student from the first countable day. */
    @EventListener
    @Transactional
    public void onAgreementActivated(AgreementActivated activated) {
        AgreementContent content = activated.content();
        for (Map.Entry<String, String> teacherAndClass : classesOf(content)) {
            jdbc.update("""
                    insert into supervision (case_id, student_id, school_id, agreement_version_id, teacher_username,
                                             class_name, starts_on, ends_on)
                    select c.id, c.student_id, c.school_id, :version, :teacher, :className, :startsOn, :endsOn
                      from is_case c where c.id = :caseId
                    """, new MapSqlParameterSource()
                    .addValue("caseId", activated.caseId())
                    .addValue("version", activated.agreementVersionId())
                    .addValue("teacher", teacherAndClass.getKey())
                    .addValue("className", teacherAndClass.getValue())
                    .addValue("startsOn", activated.firstDay())
                    .addValue("endsOn", content.endDate()));
        }
    }

    /** The classes a teacher has students in on a school day, by name. */
    public List<String> classesOf(String teacher, LocalDate day) {
        return jdbc.queryForList("select distinct q.class_name from (" + SUPERVISING_ON_DAY + ") q order by 1",
                onDay(teacher, day), String.class);
    }

    /** The students of one class of a teacher on a school day, by last name. */
    public List<SupervisedStudent> classDay(String teacher, String className, LocalDate day) {
        return jdbc.query("select * from (" + SUPERVISING_ON_DAY + ") q where q.class_name = :className "
                        + "order by q.student_name, q.case_id",
                onDay(teacher, day).addValue("className", className), Supervisions::student);
    }

    /** Every student a teacher supervises on a school day, in any class. */
    public List<SupervisedStudent> studentsOf(String teacher, LocalDate day) {
        return jdbc.query("select * from (" + SUPERVISING_ON_DAY + ") q order by q.student_name, q.case_id",
                onDay(teacher, day), Supervisions::student);
    }

    /** The teacher supervises the case's student on that day (ATT-01: others are refused). */
    public boolean supervises(String teacher, Long caseId, LocalDate day) {
        return supervisedOn(teacher, caseId, day).isPresent();
    }

    /** The case's student as the teacher supervises them on that day, with the placement's first and last day. */
    public Optional<SupervisedStudent> supervisedOn(String teacher, Long caseId, LocalDate day) {
        return jdbc.query("select * from (" + SUPERVISING_ON_DAY + ") q where q.case_id = :caseId",
                onDay(teacher, day).addValue("caseId", caseId), Supervisions::student).stream().findFirst();
    }

    /** The teacher supervises, supervised or will supervise the case's student on some day of the placement. */
    public boolean isTeacherOf(String teacher, Long caseId) {
        return !jdbc.queryForList("select id from supervision where teacher_username = :teacher and case_id = :caseId",
                new MapSqlParameterSource("teacher", teacher).addValue("caseId", caseId), Long.class).isEmpty();
    }

    /**
     * TRN-04, REC-07: of these cases, those already closed; their record is read-only (corrections are added to
     * the case timeline).
     */
    public Set<Long> closedAmong(java.util.Collection<Long> caseIds) {
        Set<Long> closed = new java.util.HashSet<>();
        List<Long> all = List.copyOf(caseIds);
        for (int i = 0; i < all.size(); i += 1000) {
            closed.addAll(jdbc.queryForList("select id from is_case where id in (:ids) and closed_at is not null",
                    new MapSqlParameterSource("ids", all.subList(i, Math.min(all.size(), i + 1000))), Long.class));
        }
        return closed;
    }

    private static MapSqlParameterSource onDay(String teacher, LocalDate day) {
        return new MapSqlParameterSource().addValue("teacher", teacher).addValue("day", day);
    }

    private static SupervisedStudent student(ResultSet rs, int row) throws SQLException {
        return new SupervisedStudent(rs.getLong("case_id"), rs.getLong("student_id"), rs.getString("student_number"),
                rs.getString("student_name"), rs.getString("grade"), rs.getString("class_name"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("last_day", LocalDate.class));
    }

    /** AGR-06: the supervising teacher; for course-based placements each course's teacher with its course. */
    private static Set<Map.Entry<String, String>> classesOf(AgreementContent content) {
        Set<Map.Entry<String, String>> classes = new LinkedHashSet<>();
        if (content.courseBased() && content.courses() != null) {
            content.courses().forEach(course -> classes.add(Map.entry(course.teacher(), course.name())));
        }
        if (content.supervisingTeacher() != null && !content.supervisingTeacher().isBlank()) {
            classes.add(Map.entry(content.supervisingTeacher(), TRADITIONAL_CLASS));
        }
        return classes;
    }
}
