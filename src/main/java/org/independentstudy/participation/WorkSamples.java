package org.independentstudy.participation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.errors.TooLargeException;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.Sha256;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATT-09: representative work samples, each with the supervising teacher's notation of personal evaluation, kept in
 * the database. Only the student's teacher uploads; the type is checked by content and the size by a limit.
 */
@Service
public class WorkSamples {

    /** A stored sample without its content, as lists show it. */
    public record WorkSample(Long id, Long caseId, Long schoolId, Long assignmentId, String teacher, String fileName,
                             String mediaType, long sizeBytes, String sha256, String notation, Instant uploadedAt) {
    }

    /** The sample's bytes, for download. */
    public record Content(WorkSample sample, byte[] bytes) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Supervisions supervisions;
    private final WorkSampleProperties limits;
    private final CaseRecord caseRecord;
    private final Clock clock;

    WorkSamples(NamedParameterJdbcTemplate jdbc, Supervisions supervisions, WorkSampleProperties limits,
                CaseRecord caseRecord, Clock clock) {
        this.jdbc = jdbc;
        this.supervisions = supervisions;
        this.limits = limits;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    @Transactional
    public WorkSample upload(String teacher, Long caseId, String fileName, byte[] content, String notation,
                             Long assignmentId) {
        if (!supervisions.isTeacherOf(teacher, caseId)) {
            throw InvalidRequestException.rule("ATT-09", "caseId", "case " + caseId + " is not a student "
                    + teacher + " supervises");
        }
        if (!supervisions.closedAmong(List.of(caseId)).isEmpty()) {
            throw InvalidRequestException.rule("TRN-04", "caseId", ParticipationRecording.CLOSED_CASE.formatted(caseId));
        }
        if (notation == null || notation.isBlank()) {
            throw InvalidRequestException.rule("ATT-09", "notation", "a work sample carries the teacher's notation "
                    + "of personal evaluation");
        }
        if (content == null || content.length == 0) {
            throw InvalidRequestException.rule("ATT-09", "file", "attach the work sample");
        }
        if (content.length > limits.maxSize().toBytes()) {
            throw new TooLargeException("file", "the work sample has " + content.length + " bytes, more than the "
                    + "limit of " + limits.maxSize().toBytes() + " bytes");
        }
        String mediaType = WorkSampleTypes.detect(content).orElseThrow(() -> InvalidRequestException.rule("ATT-09",
                "file", "not a PDF, an image (PNG, JPEG, GIF, WebP, HEIC) or an office document, judged by its "
                        + "content, whatever its name"));
        if (assignmentId != null && jdbc.queryForList("select id from assignment where id = :id and case_id = :caseId",
                new MapSqlParameterSource("id", assignmentId).addValue("caseId", caseId), Long.class).isEmpty()) {
            throw InvalidRequestException.field("assignmentId", "no assignment " + assignmentId + " of this case");
        }
        String name = fileName == null || fileName.isBlank() ? "work-sample" : fileName.strip()
                .substring(Math.max(fileName.strip().lastIndexOf('/'), fileName.strip().lastIndexOf('\\')) + 1);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into work_sample (case_id, student_id, assignment_id, teacher_username, file_name, media_type,
                    size_bytes, sha256, content, notation, uploaded_at)
                select c.id, c.student_id, :assignmentId, :teacher, :name, :type, :size, :sha, :content, :notation, :now
                  from is_case c where c.id = :caseId""", new MapSqlParameterSource("caseId", caseId)
                .addValue("assignmentId", assignmentId).addValue("teacher", teacher)
                .addValue("name", name.substring(0, Math.min(300, name.length()))).addValue("type", mediaType)
                .addValue("size", content.length).addValue("sha", Sha256.hex(content)).addValue("content", content)
                .addValue("notation", notation.strip()).addValue("now", Timestamp.from(clock.instant())), key,
                new String[] {"id"});
        caseRecord.append(caseId, CaseEvent.underRule("ATT-09", "workSampleKept", "Work sample " + name + " ("
                + mediaType + ", " + content.length + " bytes) kept with " + teacher + "'s notation"));
        return find(key.getKeyAs(Number.class).longValue()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<WorkSample> ofCase(Long caseId) {
        return jdbc.query(SELECT + " where w.case_id = :caseId order by w.id", new MapSqlParameterSource("caseId",
                caseId), (rs, row) -> sample(rs));
    }

    @Transactional(readOnly = true)
    public Optional<WorkSample> find(Long id) {
        return jdbc.query(SELECT + " where w.id = :id", new MapSqlParameterSource("id", id), (rs, row) -> sample(rs))
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Content content(Long id) {
        WorkSample sample = find(id).orElseThrow(() -> new NotFoundException("No work sample " + id));
        byte[] bytes = jdbc.queryForObject("select content from work_sample where id = :id",
                new MapSqlParameterSource("id", id), byte[].class);
        return new Content(sample, bytes);
    }

    private static final String SELECT = """
            select w.id, w.case_id, c.school_id, w.assignment_id, w.teacher_username, w.file_name, w.media_type,
                   w.size_bytes, w.sha256, w.notation, w.uploaded_at
              from work_sample w join is_case c on c.id = w.case_id""";

    private static WorkSample sample(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new WorkSample(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("school_id"),
                (Long) rs.getObject("assignment_id", Long.class), rs.getString("teacher_username"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("notation"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
