package org.independentstudy.reengagement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** REE-05..10 for principals: the open re-engagements per school and tier, overdue steps first. */
@Service
@Transactional(readOnly = true)
public class ReengagementOverview {

    public record OpenReengagement(Long reengagementId, Long caseId, Long schoolId, String school,
                                   String studentNumber, String student, String tier, LocalDate openedOn,
                                   Instant stepDue, boolean overdue, List<String> triggers) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Reengagements reengagements;
    private final Clock clock;

    ReengagementOverview(NamedParameterJdbcTemplate jdbc, Reengagements reengagements, Clock clock) {
        this.jdbc = jdbc;
        this.reengagements = reengagements;
        this.clock = clock;
    }

    /** The open re-engagements of one school, or of the district when schoolId is null. */
    public List<OpenReengagement> open(Long schoolId) {
        Instant now = clock.instant();
        return jdbc.query("""
                select r.id, r.case_id, r.school_id, sc.name as school, st.student_number,
                       st.first_name || ' ' || st.last_name as student, r.tier, r.opened_on, r.step_due_at
                  from reengagement r
                  join student st on st.id = r.student_id
                  join school sc on sc.id = r.school_id
                 where r.open_student_id is not null
                """ + (schoolId == null ? "" : "   and r.school_id = :school\n") + """
                 order by sc.name, r.step_due_at, st.last_name""", new MapSqlParameterSource("school", schoolId),
                (rs, row) -> {
                    Instant due = rs.getTimestamp("step_due_at") == null ? null
                            : rs.getTimestamp("step_due_at").toInstant();
                    return new OpenReengagement(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("school_id"),
                            rs.getString("school"), rs.getString("student_number"), rs.getString("student"),
                            rs.getString("tier"), rs.getObject("opened_on", LocalDate.class), due,
                            due != null && due.isBefore(now), reengagements.triggersOf(rs.getLong("id")));
                }).stream().sorted((a, b) -> Boolean.compare(b.overdue(), a.overdue())).toList();
    }
}
