package org.independentstudy.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.independentstudy.family.process.MailOutboxJobs;
import org.independentstudy.support.AtTheSameMoment;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.MailOutboxTries;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13.4: the mail outbox with the in-process SMTP server stopped and started, on H2 ({@link MailOutboxTest})
 * and on PostgreSQL ({@link MailOutboxPostgresTest}), whose row locks keep two nodes from sending one message twice.
 */
interface MailOutboxBehaviour {

    String PURPOSE = "outbox-test";

    GreenMailExtension mail();

    ApplicationContext context();

    default MailOutbox outbox() {
        return context().getBean(MailOutbox.class);
    }

    default MailOutboxTries tries() {
        return context().getBean(MailOutboxTries.class);
    }

    default TransactionTemplate transactions() {
        return context().getBean(TransactionTemplate.class);
    }

    default JdbcTemplate jdbc() {
        return context().getBean(JdbcTemplate.class);
    }

    /** This test's messages: a context shared with other tests holds theirs too. */
    String reference();

    @Test
    @DisplayName("Issue 13.4 the mail server down for an hour: nothing is lost, each try waits longer than the last, and once the server is back the e-mail arrives exactly once")
    default void serverDownForAnHour() throws Exception {
        FixedEngineClock.setClock(ZonedDateTime.of(2027, 1, 20, 9, 0, 0, 0, FixedEngineClock.DISTRICT));
        Instant queuedAt = ClockUtil.getCurrentTime().toInstant();
        mail().stop();
        long id;
        List<Duration> pauses = new ArrayList<>();
        try {
            id = queue("parent@family.example");
            Instant last = queuedAt;
            while (ClockUtil.getCurrentTime().toInstant().isBefore(queuedAt.plus(Duration.ofHours(1)))) {
                assertThat(tries().runNext(PURPOSE, reference()::equals)).as("a try is always scheduled").isTrue();
                Instant now = ClockUtil.getCurrentTime().toInstant();
                pauses.add(Duration.between(last, now));
                last = now;
            }
        } finally {
            mail().start();
        }
        assertThat(pauses).as("pauses of 1, 2, 4, 8, then 15 minutes").startsWith(Duration.ofMinutes(1),
                Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15));
        assertThat(status(id)).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", pauses.size() + 1);
        assertThat(status(id).get("REPORTED_ATTEMPT")).as("each refusal told to the purpose").isEqualTo(pauses.size() + 1);

        assertThat(tries().runNext(PURPOSE, reference()::equals)).isTrue();
        assertThat(tries().runNext(PURPOSE, reference()::equals)).as("no try after the server took it").isFalse();

        assertThat(received("parent@family.example")).singleElement();
        assertThat(status(id)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", pauses.size() + 2)
                .containsEntry("REPORTED_ATTEMPT", pauses.size() + 2);
        assertThat(jdbc().queryForObject("select count(*) from act_hi_job_log where job_def_type_ = ?", Long.class,
                MailOutboxJobs.TYPE)).as("the tries are on the outbox's record, not in the engine's job log").isZero();
    }

    @Test
    @DisplayName("Issue 13.4 an e-mail the server took right after commit is not sent again: the job that stood by for it is withdrawn, and one already running on another node finds it sent")
    default void takenAtOnceIsNotSentAgain() throws Exception {
        long id = queue("once@family.example");
        assertThat(received("once@family.example")).singleElement();
        assertThat(tries().next(PURPOSE, reference()::equals)).as("the job standing by, withdrawn").isEmpty();

        transactions().executeWithoutResult(status -> assertThat(outbox().tryFromJob(id)).isEmpty());

        assertThat(received("once@family.example")).singleElement();
        assertThat(status(id)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1)
                .containsEntry("REPORTED_ATTEMPT", 1);
    }

    @Test
    @DisplayName("Issue 13.4 two nodes trying the same e-mail at the same moment send it once: the try holds the message's row")
    default void twoTriesAtOnceSendOnce() throws Exception {
        long id = queueWhileTheServerIsDown("race@family.example");
        List<Callable<Boolean>> nodes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            nodes.add(() -> transactions().execute(status -> outbox().tryFromJob(id).isEmpty()));
        }
        AtTheSameMoment.run(nodes);

        assertThat(received("race@family.example")).singleElement();
        assertThat(status(id)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
    }

    @Test
    @DisplayName("Issue 13.4 AGR-08 an e-mail withdrawn while it waits for the mail server is never sent: its job finds nothing to send once the server is back")
    default void withdrawnIsNeverSent() throws Exception {
        long id = queueWhileTheServerIsDown("withdrawn@family.example");
        transactions().executeWithoutResult(status -> outbox().withdraw(PURPOSE, reference()));

        assertThat(tries().runNext(PURPOSE, reference()::equals)).isTrue();
        assertThat(received("withdrawn@family.example")).isEmpty();
        assertThat(status(id)).containsEntry("STATUS", "WITHDRAWN").containsEntry("ATTEMPTS", 1);
        assertThat(tries().next(PURPOSE, reference()::equals)).isEmpty();
    }

    @Test
    @DisplayName("Issue 13.4 an outcome its purpose cannot take at that moment (another transaction moved the same process on) is told again by the job standing by: the e-mail is sent once and its outcome taken once")
    default void outcomeRefusedOnceIsToldAgain() throws Exception {
        List<MailOutcome> taken = new ArrayList<>();
        int[] calls = {0};
        ApplicationListener<PayloadApplicationEvent<MailOutcome>> purpose = event -> {
            MailOutcome outcome = event.getPayload();
            if (outcome.isFor(PURPOSE) && outcome.reference().equals(reference())) {
                if (calls[0]++ == 0) {
                    throw new OptimisticLockingFailureException("the process moved on concurrently");
                }
                taken.add(outcome);
            }
        };
        ConfigurableApplicationContext context = (ConfigurableApplicationContext) context();
        context.addApplicationListener(purpose);
        try {
            long id = queue("settled@family.example");
            assertThat(received("settled@family.example")).as("sent right after commit").singleElement();
            assertThat(status(id)).containsEntry("STATUS", "SENT").containsEntry("REPORTED_ATTEMPT", 0);
            assertThat(tries().next(PURPOSE, reference()::equals)).as("the job standing by stays").isPresent();

            assertThat(tries().runNext(PURPOSE, reference()::equals)).isTrue();

            assertThat(taken).singleElement().satisfies(outcome -> {
                assertThat(outcome.status()).isEqualTo(MailOutcome.Status.SENT);
                assertThat(outcome.attempt()).isEqualTo(1);
            });
            assertThat(calls[0]).isEqualTo(2);
            assertThat(received("settled@family.example")).as("not sent again").singleElement();
            assertThat(status(id)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1)
                    .containsEntry("REPORTED_ATTEMPT", 1);
            assertThat(tries().next(PURPOSE, reference()::equals)).isEmpty();
        } finally {
            context.removeApplicationListener(purpose);
        }
    }

    /** Queued, its first try refused; the server is up again. */
    private long queueWhileTheServerIsDown(String to) {
        mail().stop();
        try {
            return queue(to);
        } finally {
            mail().start();
        }
    }

    private long queue(String to) {
        return transactions().execute(status -> outbox().queue(PURPOSE, reference(), to, "A notice",
                "<html><head><title>A notice</title></head><body><p>Hello</p></body></html>"));
    }

    private Map<String, Object> status(long id) {
        return jdbc().queryForMap("select status, attempts, reported_attempt from mail_outbox where id = ?", id);
    }

    private List<MimeMessage> received(String to) {
        return Arrays.stream(mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains(to);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
