package org.independentstudy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.faults.FamilyRequestsOverHttp.DEADLINES_PASSED;
import static org.independentstudy.faults.FamilyRequestsOverHttp.FOLLOW_UP_TASK;
import static org.independentstudy.faults.FamilyRequestsOverHttp.REQUESTS_COME_IN;
import static org.independentstudy.faults.FamilyRequestsOverHttp.STUDENTS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.independentstudy.support.AtTheSameMoment;
import org.independentstudy.support.LoggedInSession;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.3: PostgreSQL stops while the application runs, one request waiting in the middle of its transaction
 * (the test holds the engine's task table), and starts again a little later on the same data and port.
 */
class DatabaseOutageFaultIT {

    /** Hikari's connection time-out (application.yml) and a margin for a busy machine. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(15);

    @Test
    @DisplayName("Issue 13.3 PostgreSQL stops during requests: each is answered 503 with a problem detail, nothing of them is written, the node stays alive and serves again by itself once the database is back, its job executor too")
    void databaseGoesAwayAndComesBack() throws Exception {
        try (RestartablePostgres db = RestartablePostgres.startFresh("outage");
             ApplicationNode node = ApplicationNode.start("outage", db,
                     ApplicationNode.offsetTo(REQUESTS_COME_IN), Map.of())) {
            WrittenRecords records = new WrittenRecords(db);
            LocalDate today = REQUESTS_COME_IN.toLocalDate();
            long waitingCase = FamilyRequestsOverHttp.open(node,
                    FamilyRequestsOverHttp.withConference(node, STUDENTS.get(0), today));
            RequestBuilder inFlightRequest = FamilyRequestsOverHttp.withConference(node, STUDENTS.get(1), today);
            RequestBuilder duringOutage = FamilyRequestsOverHttp.withConference(node, STUDENTS.get(2), today);
            LoggedInSession principal = LoggedInSession.logIn(node.base().toString(), "principal", "demo");

            CompletableFuture<HttpResponse<String>> inFlight;
            try (WriteLock tasks = WriteLock.on(db, "act_ru_task")) {
                inFlight = FamilyRequestsOverHttp.sendInFlight(node, inFlightRequest);
                node.awaitUntil("has the request waiting in its transaction", Duration.ofSeconds(30),
                        records::writersWaitingForLock, 1L);
                db.stop();
            }
            // the request in flight, and three more while the database is away, at once: each waits for a connection
            // as long as the pool lets it
            List<Callable<HttpResponse<String>>> duringTheOutage = List.of(
                    () -> inFlight.get(ANSWERED_WITHIN.toSeconds(), TimeUnit.SECONDS),
                    // HTTP Basic: checking the password needs the database too
                    () -> node.get("counselor", "/api/students/" + STUDENTS.get(3)),
                    () -> FamilyRequestsOverHttp.send(node, duringOutage),
                    // a person logged in before: the session is in the node's memory, the case is not
                    () -> principal.get("/api/cases/" + waitingCase));
            for (TimedAnswer answer : AtTheSameMoment.run(duringTheOutage.stream().map(TimedAnswer::of).toList())) {
                assertDatabaseUnavailable(answer);
            }
            assertThat(node.get(null, "/actuator/health/liveness").statusCode()).as("the node lives on").isEqualTo(200);

            db.start();
            node.awaitUntil("serves again", Duration.ofSeconds(30),
                    () -> node.get("counselor", "/api/students/" + STUDENTS.get(3)).statusCode(), 200);
            assertThat(principal.get("/api/cases/" + waitingCase).statusCode()).isEqualTo(200);
            for (String student : new String[] {STUDENTS.get(1), STUDENTS.get(2)}) {
                assertThat(records.writtenForRequestOf(student)).as("rows of %s's request", student).isZero();
            }
            FamilyRequestsOverHttp.open(node, inFlightRequest);
            FamilyRequestsOverHttp.open(node, duringOutage);

            // the job executor lived through the outage: a deadline passing now fires
            node.setClock(ApplicationNode.offsetTo(DEADLINES_PASSED));
            node.awaitUntil("has fired the scheduling deadline", Duration.ofSeconds(30),
                    () -> records.openTasks(waitingCase, FOLLOW_UP_TASK), 1L);
            assertThat(records.incidents()).isZero();
        }
    }

    /** An answer and how long it took. */
    private record TimedAnswer(HttpResponse<String> answer, Duration took) {

        static Callable<TimedAnswer> of(Callable<HttpResponse<String>> call) {
            return () -> {
                long start = System.nanoTime();
                HttpResponse<String> answer = call.call();
                return new TimedAnswer(answer, Duration.ofNanos(System.nanoTime() - start));
            };
        }
    }

    /** A 503 problem detail that says the database is unavailable, within {@link #ANSWERED_WITHIN}. */
    private static void assertDatabaseUnavailable(TimedAnswer timed) throws IOException {
        HttpResponse<String> answer = timed.answer();
        assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isEqualTo(503);
        assertThat(timed.took()).isLessThan(ANSWERED_WITHIN);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        JsonNode problem = ApplicationNode.JSON.readTree(answer.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:problem:database-unavailable");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
    }
}
