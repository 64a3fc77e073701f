package org.independentstudy.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.independentstudy.records.CurrentActor;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.MailOutboxTries;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13.4: the first try of an e-mail on threads of its own, as production makes it (the other tests make it on
 * the committing thread, application-test.yml). The outbox is the application's, on its database and engine, with
 * its own {@link MailFirstTries}; it sends to the test's SMTP server through a connection the test holds before the
 * server's greeting, as a slow mail server would.
 */
@IntegrationTest
class MailFirstTriesTest {

    private static final String PURPOSE = "first-try-test";

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MailJobs jobs;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    MailOutboxTries tries;
    @Autowired
    JavaMailSenderImpl applicationSender;
    @Value("${isp.mail.from}")
    String from;
    @Value("${isp.mail.outbox.first-retry-after}")
    Duration firstRetryAfter;
    @Value("${isp.mail.outbox.longest-pause}")
    Duration longestPause;
    @Value("${isp.mail.outbox.attempts}")
    int attempts;
    @Autowired
    CurrentActor actor;
    @Autowired
    IdentityService identity;

    private final String reference = UUID.randomUUID().toString();
    private HeldMailServer server;
    private MailFirstTries firstTries;

    @BeforeEach
    void holdTheMailServer() throws IOException {
        server = new HeldMailServer(TestMailServer.PORT);
    }

    @AfterEach
    void releaseTheMailServer() throws Exception {
        server.close();
        if (firstTries != null) {
            firstTries.stop();
        }
    }

    @Test
    @DisplayName("Issue 13.4 the request that queues an e-mail does not wait for the mail server: its transaction is done while the server has not even greeted, and the e-mail is sent once the server answers, exactly once")
    void requestDoesNotWaitForTheMailServer() throws Exception {
        MailOutbox outbox = outboxWith(new MailFirstTries(2, 10));

        long id = queueHeldByTheServer(outbox, "parent@family.example");
        assertThat(status(id)).as("the request is done, its e-mail still waiting for the server")
                .containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 0);

        server.release();
        assertThat(firstTries.awaitFinished(Duration.ofSeconds(30))).isTrue();
        assertThat(status(id)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1)
                .containsEntry("REPORTED_ATTEMPT", 1);
        assertThat(received("parent@family.example")).isEqualTo(1L);
        assertThat(tries.next(PURPOSE, reference::equals)).as("the job standing by is gone").isEmpty();
    }

    @Test
    @DisplayName("Issue 13.4 AGR-08 withdrawing an e-mail never waits for the mail server: the withdrawal is done while a try under way holds the message, which then goes out once")
    void withdrawalDoesNotWaitForATryUnderWay() throws Exception {
        MailOutbox outbox = outboxWith(new MailFirstTries(2, 10));
        // the try holds the message's row while the server is silent
        long id = queueHeldByTheServer(outbox, "held@family.example");

        java.util.concurrent.ExecutorService request = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            request.submit(() -> transactions.executeWithoutResult(status -> outbox.withdraw(PURPOSE, reference)))
                    .get(10, TimeUnit.SECONDS);
        } finally {
            request.shutdownNow();
        }
        assertThat(status(id)).containsEntry("STATUS", "PENDING");

        server.release();
        assertThat(firstTries.awaitFinished(Duration.ofSeconds(30))).isTrue();
        assertThat(status(id)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1);
        assertThat(received("held@family.example")).isEqualTo(1L);
    }

    @Test
    @DisplayName("Issue 13.4 with every first-try thread busy and none waiting free, an e-mail is not lost: the job standing by sends it, once")
    void noThreadFreeLeavesTheEmailToItsJob() throws Exception {
        MailOutbox outbox = outboxWith(new MailFirstTries(1, 1));

        long held = queue(outbox, "first@family.example");
        assertThat(server.awaitConnections(1)).isTrue();
        long waiting = queue(outbox, "second@family.example");
        long left = queue(outbox, "third@family.example");

        server.release();
        assertThat(firstTries.awaitFinished(Duration.ofSeconds(30))).isTrue();
        assertThat(List.of(status(held), status(waiting))).allSatisfy(s -> assertThat(s)
                .containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1));
        assertThat(status(left)).as("no first try").containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 0);

        assertThat(tries.runNext(PURPOSE, reference::equals)).as("its job, a minute later").isTrue();
        assertThat(status(left)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1)
                .containsEntry("REPORTED_ATTEMPT", 1);
        assertThat(List.of(received("first@family.example"), received("second@family.example"),
                received("third@family.example"))).containsExactly(1L, 1L, 1L);
    }

    @Test
    @DisplayName("Issue 13.4 a node stopping lets the first try under way finish before it goes on closing, and leaves later e-mails to their jobs")
    void stoppingLetsTheTryUnderWayFinish() throws Exception {
        firstTries = new MailFirstTries(1, 1);
        CountDownLatch tryUnderWay = new CountDownLatch(1);
        CountDownLatch serverAnswers = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        firstTries.handOver(1, () -> {
            tryUnderWay.countDown();
            try {
                serverAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.add("the try under way");
        });
        assertThat(tryUnderWay.await(30, TimeUnit.SECONDS)).isTrue();
        Thread stopping = new Thread(firstTries::stop);
        stopping.start();
        stopping.join(200);
        assertThat(stopping.isAlive()).as("stopping waits for the try").isTrue();

        firstTries.handOver(2, () -> done.add("a try after stopping began"));
        serverAnswers.countDown();
        stopping.join(30_000);
        assertThat(stopping.isAlive()).isFalse();
        assertThat(done).containsExactly("the try under way");
        assertThat(firstTries.awaitFinished(Duration.ZERO)).as("nothing counted as under way").isTrue();
    }

    @Test
    @DisplayName("Issue 13.4 a try is the system's on the case record whichever thread makes it: not the user whose request queued the e-mail, who is the actor again after it")
    void aTryIsTheSystems() {
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("counselor", null, List.of()));
        identity.setAuthentication("counselor", List.of("counselors"));
        try {
            List<String> actors = new ArrayList<>();
            jobs.asSystem(() -> actors.add(actor.username()));
            assertThat(actors).containsExactly(CurrentActor.SYSTEM);
            assertThat(actor.username()).isEqualTo("counselor");
        } finally {
            SecurityContextHolder.clearContext();
            identity.clearAuthentication();
        }
    }

    /** The application's outbox, as configured, with these first tries, sending to the held server. */
    private MailOutbox outboxWith(MailFirstTries tries) {
        firstTries = tries;
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(server.port());
        sender.setJavaMailProperties(applicationSender.getJavaMailProperties());
        return new MailOutbox(namedJdbc, sender, jobs, firstTries, events, transactionManager, clock, from,
                firstRetryAfter, longestPause, attempts);
    }

    /** Queued, its first try connected to the mail server, which has not greeted. */
    private long queueHeldByTheServer(MailOutbox outbox, String to) throws InterruptedException {
        long id = queue(outbox, to);
        assertThat(server.awaitConnections(1)).as("the first try has connected to the mail server").isTrue();
        return id;
    }

    private long queue(MailOutbox outbox, String to) {
        return transactions.execute(status -> outbox.queue(PURPOSE, reference, to, "A notice",
                "<html><head><title>A notice</title></head><body><p>Hello</p></body></html>"));
    }

    private Map<String, Object> status(long id) {
        return jdbc.queryForMap("select status, attempts, reported_attempt from mail_outbox where id = ?", id);
    }

    private long received(String to) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains(to);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    /**
     * The SMTP server behind a door the test opens: connections are taken at once, and joined to the server (its
     * greeting and the rest) only once the test releases them.
     */
    static final class HeldMailServer implements AutoCloseable {

        private final int serverPort;
        private final ServerSocket door = new ServerSocket(0);
        private final CountDownLatch released = new CountDownLatch(1);
        private final List<Socket> sockets = new ArrayList<>();
        private int connections;

        HeldMailServer(int serverPort) throws IOException {
            this.serverPort = serverPort;
            daemon(this::accept);
        }

        int port() {
            return door.getLocalPort();
        }

        synchronized boolean awaitConnections(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (connections < count && System.nanoTime() < deadline) {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            }
            return connections >= count;
        }

        void release() {
            released.countDown();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = door.accept();
                    synchronized (this) {
                        sockets.add(client);
                        connections++;
                        notifyAll();
                    }
                    daemon(() -> join(client));
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        private void join(Socket client) {
            try {
                released.await();
                Socket server = new Socket("localhost", serverPort);
                synchronized (this) {
                    sockets.add(server);
                }
                daemon(() -> pipe(server, client));
                pipe(client, server);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "held-mail-server");
            thread.setDaemon(true);
            thread.start();
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException closed) {
                // either side hung up
            }
        }

        @Override
        public synchronized void close() throws IOException {
            released.countDown();
            door.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
