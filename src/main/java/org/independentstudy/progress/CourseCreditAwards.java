package org.independentstudy.progress;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * REC-01: the credits a course's teacher awards at the end of a course of a course-based placement (9-12), with the
 * grade. A correction is a new award on the timeline (REC-07); the latest counts.
 */
@Service
@Transactional
public class CourseCreditAwards {

    public record Award(String course, BigDecimal creditsAwarded, String grade) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseRecord caseRecord;
    private final Clock clock;

    CourseCreditAwards(NamedParameterJdbcTemplate jdbc, CaseRecord caseRecord, Clock clock) {
        this.jdbc = jdbc;
        this.caseRecord = caseRecord;
        this.clock = clock;
    }

    public Long award(Long caseId, String teacher, Award award) {
        if (award == null || award.course() == null || award.course().isBlank()) {
            throw InvalidRequestException.rule("REC-01", "course", "required: the course as the agreement names it");
        }
        if (award.creditsAwarded() == null || award.creditsAwarded().signum() < 0
                || award.creditsAwarded().compareTo(new BigDecimal("100")) >= 0) {
            throw InvalidRequestException.rule("REC-01", "creditsAwarded", "required: 0 or more credits, below 100");
        }
        if (award.grade() != null && award.grade().length() > 5) {
            throw InvalidRequestException.rule("REC-01", "grade", "at most 5 characters, e.g. B+ or P");
        }
        boolean teaches = !jdbc.queryForList("""
                select 1 from supervision where case_id = :caseId and teacher_username = :teacher and class_name = :course""",
                new MapSqlParameterSource("caseId", caseId).addValue("teacher", teacher)
                        .addValue("course", award.course()), Integer.class).isEmpty();
        if (!teaches) {
            throw InvalidRequestException.rule("REC-01", "course", "you do not teach this course of this placement");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into course_credit_award (case_id, course_name, credits_awarded, grade, awarded_by, awarded_at)
                values (:caseId, :course, :credits, :grade, :teacher, :now)""", new MapSqlParameterSource("caseId", caseId)
                .addValue("course", award.course()).addValue("credits", award.creditsAwarded())
                .addValue("grade", award.grade()).addValue("teacher", teacher)
                .addValue("now", Timestamp.from(clock.instant())), key, new String[] {"id"});
        caseRecord.append(caseId, CaseEvent.underRule("REC-01", "courseCreditsAwarded", award.creditsAwarded().toPlainString()
                + " credits awarded in " + award.course() + (award.grade() == null ? "" : ", grade " + award.grade())));
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}
