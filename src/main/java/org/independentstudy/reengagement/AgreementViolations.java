package org.independentstudy.reengagement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.participation.Supervisions;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REE-03: a violation of the written agreement as the supervising teacher records it; the next sweep turns it into
 * a trigger once. Only the student's own teachers record one, for a day of the placement that has passed.
 */
@Service
@Transactional
public class AgreementViolations {

    public record ViolationRequest(LocalDate observedOn, String description) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Supervisions supervisions;
    private final CaseRecord caseRecord;
    private final SchoolCalendar calendar;
    private final Clock clock;

    AgreementViolations(NamedParameterJdbcTemplate jdbc, Supervisions supervisions, CaseRecord caseRecord,
                        SchoolCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.supervisions = supervisions;
        this.caseRecord = caseRecord;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Records the violation; the id of the new record. */
    public Long record(Long caseId, String teacher, ViolationRequest request) {
        if (request == null || request.observedOn() == null) {
            throw InvalidRequestException.rule("REE-03", "observedOn", "required: the day the violation happened");
        }
        if (request.description() == null || request.description().isBlank()) {
            throw InvalidRequestException.rule("REE-03", "description", "required: what the student did not keep");
        }
        if (request.description().length() > 2000) {
            throw InvalidRequestException.rule("REE-03", "description", "at most 2000 characters");
        }
        if (request.observedOn().isAfter(LocalDate.now(clock.withZone(calendar.districtZone())))) {
            throw InvalidRequestException.rule("REE-03", "observedOn", "a violation is not recorded for a day to come");
        }
        List<Map<String, Object>> placement = jdbc.queryForList("""
                select c.student_id, c.closed_at from is_case c where c.id = :caseId""",
                new MapSqlParameterSource("caseId", caseId));
        if (placement.isEmpty()) {
            throw new NotFoundException("No case " + caseId);
        }
        if (placement.get(0).get("closed_at") != null) {
            throw new ConflictException("Case " + caseId + " is closed: its record is read-only (REC-07)");
        }
        // Issue 13.6: a day before the case was opened is out of range: no agreement bound the student then
        LocalDate opened = LocalDate.ofInstant(caseRecord.get(caseId).getOpenedAt(), calendar.districtZone());
        if (request.observedOn().isBefore(opened)) {
            throw InvalidRequestException.rule("REE-03", "observedOn", "not before the case was opened on " + opened);
        }
        if (teacher != null && !supervisions.isTeacherOf(teacher, caseId)) {
            throw InvalidRequestException.rule("REE-03", "caseId", "you do not supervise this student");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into agreement_violation (case_id, student_id, observed_on, description, recorded_by, recorded_at)
                values (:caseId, :student, :on, :description, :by, :now)""", new MapSqlParameterSource("caseId", caseId)
                .addValue("student", placement.get(0).get("student_id")).addValue("on", request.observedOn())
                .addValue("description", request.description().strip()).addValue("by", teacher == null ? "admin" : teacher)
                .addValue("now", Timestamp.from(clock.instant())), key, new String[] {"id"});
        caseRecord.append(caseId, CaseEvent.underRule("REE-03", "agreementViolationRecorded",
                "Violation of the written agreement on " + request.observedOn() + ": " + request.description().strip()));
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}
