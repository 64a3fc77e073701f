package org.independentstudy.people;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The earlier e-mail and phone of a guardian, with who changed them and when (REE-05): the guardian row holds the
 * current values, this history every earlier one, whether a counselor corrected them or the district's SIS did.
 */
@Component
public class GuardianContactHistory {

    /** A change of a guardian's contacts; {@code reengagementId} is the re-engagement it was verified in, if any. */
    public record ContactChange(Long guardianId, String emailBefore, String phoneBefore, String emailAfter,
                                String phoneAfter, String changedBy, Instant changedAt, Long reengagementId) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    GuardianContactHistory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(ContactChange change) {
        jdbc.update("""
                insert into guardian_contact_change (guardian_id, email_before, phone_before, email_after,
                    phone_after, changed_by, changed_at, reengagement_id)
                values (:guardian, :emailBefore, :phoneBefore, :email, :phone, :by, :at, :reengagement)""",
                new MapSqlParameterSource("guardian", change.guardianId())
                        .addValue("emailBefore", change.emailBefore(), Types.VARCHAR)
                        .addValue("phoneBefore", change.phoneBefore(), Types.VARCHAR)
                        .addValue("email", change.emailAfter(), Types.VARCHAR)
                        .addValue("phone", change.phoneAfter(), Types.VARCHAR)
                        .addValue("by", change.changedBy()).addValue("at", Timestamp.from(change.changedAt()))
                        .addValue("reengagement", change.reengagementId(), Types.BIGINT));
    }
}
