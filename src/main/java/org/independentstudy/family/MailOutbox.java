package org.independentstudy.family;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.independentstudy.errors.MailFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13.4: the outbox every e-mail goes through. A message is written in the transaction that decides to send
 * it, so it exists exactly when that decision does; it is tried once right after that transaction commits, on a
 * thread of its own so that no request waits for the mail server ({@link MailFirstTries}), and otherwise by the
 * engine's job executor ({@link MailJobs}), with pauses that grow from
 * {@code isp.mail.outbox.first-retry-after} to {@code longest-pause}, until the server takes it or
 * {@code attempts} tries were refused. A try holds the message's row lock while it talks to the server and records
 * the answer in its own transaction, so a message the server took is never sent again, on any node. What a try came
 * to is then told to the message's purpose ({@link MailOutcome}, an application event) in the next transaction.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private record Message(long id, String purpose, String reference, String recipient, String subject, String html,
                           String messageId, String status, int attempts, int maxAttempts, Instant nextAttemptAt,
                           String lastFailure, int reportedAttempt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final JavaMailSender sender;
    private final MailJobs jobs;
    private final MailFirstTries firstTries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final String from;
    private final Duration firstRetryAfter;
    private final Duration longestPause;
    private final int attempts;

    MailOutbox(NamedParameterJdbcTemplate jdbc, JavaMailSender sender, MailJobs jobs, MailFirstTries firstTries,
               ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock,
               @Value("${isp.mail.from}") String from,
               @Value("${isp.mail.outbox.first-retry-after:PT1M}") Duration firstRetryAfter,
               @Value("${isp.mail.outbox.longest-pause:PT15M}") Duration longestPause,
               @Value("${isp.mail.outbox.attempts:10}") int attempts) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.jobs = jobs;
        this.firstTries = firstTries;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
        this.firstRetryAfter = firstRetryAfter;
        this.longestPause = longestPause;
        this.attempts = attempts;
    }

    /**
     * Queues the message in the caller's transaction (there must be one); its outcome is told to {@code purpose}
     * with {@code reference}. Returns the message's id.
     */
    public long queue(String purpose, String reference, String to, String subject, String html) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("An e-mail is queued in the transaction that decides to send it");
        }
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into mail_outbox (purpose, reference, recipient, subject, html, message_id, status, attempts,
                    max_attempts, next_attempt_at, queued_at)
                values (:purpose, :reference, :recipient, :subject, :html, :messageId, 'PENDING', 0, :max, :next, :now)""",
                new MapSqlParameterSource("purpose", purpose).addValue("reference", reference).addValue("recipient", to)
                        .addValue("subject", subject).addValue("html", html)
                        .addValue("messageId", "<" + java.util.UUID.randomUUID() + "@" + domainOf(from) + ">")
                        .addValue("max", attempts).addValue("next", Timestamp.from(now))
                        .addValue("now", Timestamp.from(now)), key, new String[] {"id"});
        long id = Objects.requireNonNull(key.getKey()).longValue();
        // the job executor's try, should the one after commit not happen (a crash) or be refused
        standingBy(id, jobs.schedule(id, now.plus(pauseAfter(1))));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                firstTries.handOver(id, () -> {
                    try {
                        tryAndReport(id);
                    } catch (RuntimeException e) {
                        // the scheduled job tries again, or tells the outcome this try could not
                        log.warn("E-mail {}: the try after commit did not finish ({}); the job executor takes it "
                                + "over", id, e.getClass().getSimpleName());
                    }
                });
            }
        });
        return id;
    }

    /**
     * The messages of this purpose and reference still waiting for a try are not sent after all, since what they
     * offer is gone (a signing link withdrawn); the jobs standing by find nothing to send. A message whose try is
     * under way holds its row lock while the mail server answers: it is skipped, not waited for, so that the
     * request withdrawing it never waits for the mail server; that one message may still go out.
     */
    public void withdraw(String purpose, String reference) {
        jdbc.update("""
                update mail_outbox set status = 'WITHDRAWN'
                 where id in (select id from mail_outbox
                               where purpose = :purpose and reference = :reference and status = 'PENDING'
                               for update skip locked)""",
                new MapSqlParameterSource("purpose", purpose).addValue("reference", reference));
    }

    /** True when no message of this purpose and reference waits for another try. */
    public boolean settled(String purpose, String reference) {
        return jdbc.queryForObject("""
                select count(*) from mail_outbox where purpose = :purpose and reference = :reference
                   and (status = 'PENDING' or reported_attempt < attempts)""",
                new MapSqlParameterSource("purpose", purpose).addValue("reference", reference), Integer.class) == 0;
    }

    /**
     * The try after commit, as the job executor's: transactions of its own, nobody's authentication; sent, the job
     * standing by goes.
     */
    private void tryAndReport(long id) {
        jobs.asSystem(() -> {
            newTransaction.executeWithoutResult(status -> attempt(id));
            // the outcome told and, once sent, the job standing by looked up under the same row lock
            String standingBy = newTransaction.execute(status -> {
                report(id);
                return jdbc.query("""
                        select job_id from mail_outbox where id = :id and status = 'SENT' and job_id is not null""",
                        Map.of("id", id), rs -> rs.next() ? rs.getString(1) : null);
            });
            if (standingBy != null) {
                jobs.cancel(standingBy);
            }
        });
    }

    /** The job executor's next try of the message. */
    public void standingBy(long id, String jobId) {
        jdbc.update("update mail_outbox set job_id = :job where id = :id", Map.of("id", id, "job", jobId));
    }

    /**
     * A try by the job executor, in the job's transaction: the try itself commits on its own before its outcome is
     * told, so a failure while telling it never leads to the message being sent again. Returns when the next try is
     * due, if one is.
     */
    public Optional<Instant> tryFromJob(long id) {
        Optional<Instant> next = newTransaction.execute(status -> attempt(id));
        report(id);
        return next;
    }

    /** Under the message's row lock: sends it if it still waits, and records the answer. */
    private Optional<Instant> attempt(long id) {
        Message message = lock(id);
        if (message == null || !"PENDING".equals(message.status())) {
            return Optional.empty();
        }
        int attempt = message.attempts() + 1;
        Instant now = clock.instant();
        try {
            send(message);
            jdbc.update("""
                    update mail_outbox set status = 'SENT', attempts = :attempt, sent_at = :now, last_failure = null
                     where id = :id""", new MapSqlParameterSource("id", id).addValue("attempt", attempt)
                    .addValue("now", Timestamp.from(now)));
            return Optional.empty();
        } catch (MailException | MessagingException e) {
            boolean last = attempt >= message.maxAttempts();
            Instant next = now.plus(pauseAfter(attempt));
            log.warn("E-mail {} ({}) refused by the mail server on try {} of {}{}: {}", id, message.purpose(), attempt,
                    message.maxAttempts(), last ? ", the last" : "", MailFailure.forLog(e));
            jdbc.update("""
                    update mail_outbox set status = :status, attempts = :attempt, next_attempt_at = :next,
                        last_failure = :failure where id = :id""", new MapSqlParameterSource("id", id)
                    .addValue("status", last ? "GAVE_UP" : "PENDING").addValue("attempt", attempt)
                    .addValue("next", Timestamp.from(next)).addValue("failure", truncated(e.getMessage())));
            return last ? Optional.empty() : Optional.of(next);
        }
    }

    /** Tells the purpose what the last try came to, once. */
    private void report(long id) {
        Message message = lock(id);
        if (message == null || message.reportedAttempt() >= message.attempts()) {
            return;
        }
        jdbc.update("update mail_outbox set reported_attempt = attempts where id = :id",
                new MapSqlParameterSource("id", id));
        MailOutcome.Status status = switch (message.status()) {
            case "SENT" -> MailOutcome.Status.SENT;
            case "GAVE_UP" -> MailOutcome.Status.GAVE_UP;
            default -> MailOutcome.Status.REFUSED;
        };
        events.publishEvent(new MailOutcome(id, message.purpose(), message.reference(), message.recipient(), status,
                message.attempts(), status == MailOutcome.Status.SENT ? null : message.lastFailure(),
                status == MailOutcome.Status.REFUSED ? message.nextAttemptAt() : null));
    }

    private void send(Message message) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(FamilyMail.plainText(message.html()), message.html());
        // the same Message-ID on every try: a mail reader shows a message the server took twice (its answer lost,
        // the try recorded as refused) once
        mime.saveChanges();
        mime.setHeader("Message-ID", message.messageId());
        sender.send(mime);
    }

    /** After the n-th refusal: the first pause, doubled with each refusal, never longer than the longest. */
    Duration pauseAfter(int refusals) {
        Duration pause = firstRetryAfter.multipliedBy(1L << Math.min(refusals - 1, 20));
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }

    private Message lock(long id) {
        List<Message> found = jdbc.query("select * from mail_outbox where id = :id for update",
                Map.of("id", id), (rs, row) -> new Message(rs.getLong("id"), rs.getString("purpose"),
                        rs.getString("reference"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("html"), rs.getString("message_id"), rs.getString("status"), rs.getInt("attempts"),
                        rs.getInt("max_attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getString("last_failure"), rs.getInt("reported_attempt")));
        return found.isEmpty() ? null : found.get(0);
    }

    private static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1).replaceAll("[>\\s]", "");
    }

    private static String truncated(String text) {
        String value = String.valueOf(text);
        return value.substring(0, Math.min(500, value.length()));
    }
}
