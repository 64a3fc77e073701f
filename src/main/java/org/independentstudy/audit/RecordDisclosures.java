package org.independentstudy.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FERPA's record of disclosures (34 CFR 99.32): each export of student records (an audit bundle, a report) is
 * recorded with who, when, what and which students, before the export leaves the system.
 */
@Service
@Transactional
public class RecordDisclosures {

    public record Disclosure(Long id, Instant disclosedAt, String disclosedBy, String export, String parameters,
                             int students) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    RecordDisclosures(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Long record(String by, String export, String parameters, Collection<Long> studentIds) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into record_disclosure (disclosed_at, disclosed_by, export, parameters, students)
                values (:now, :by, :export, :parameters, :students)""", new MapSqlParameterSource("now",
                Timestamp.from(clock.instant())).addValue("by", by).addValue("export", export)
                .addValue("parameters", parameters).addValue("students", studentIds.size()), key, new String[] {"id"});
        Long id = Objects.requireNonNull(key.getKey()).longValue();
        jdbc.batchUpdate("insert into record_disclosure_student (disclosure_id, student_id) values (:id, :student)",
                studentIds.stream().distinct().map(s -> new MapSqlParameterSource("id", id).addValue("student", s))
                        .toArray(SqlParameterSource[]::new));
        return id;
    }

    /** The disclosures of one student's records, newest first. */
    @Transactional(readOnly = true)
    public List<Disclosure> ofStudent(Long studentId) {
        return jdbc.query("""
                select d.* from record_disclosure d join record_disclosure_student s on s.disclosure_id = d.id
                 where s.student_id = :student order by d.disclosed_at desc, d.id desc""",
                new MapSqlParameterSource("student", studentId), (rs, row) -> new Disclosure(rs.getLong("id"),
                        rs.getTimestamp("disclosed_at").toInstant(), rs.getString("disclosed_by"),
                        rs.getString("export"), rs.getString("parameters"), rs.getInt("students")));
    }
}
