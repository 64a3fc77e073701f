package org.independentstudy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.faults.FamilyRequestsOverHttp.DEADLINES_PASSED;
import static org.independentstudy.faults.FamilyRequestsOverHttp.FOLLOW_UP_TASK;
import static org.independentstudy.faults.FamilyRequestsOverHttp.REQUESTS_COME_IN;
import static org.independentstudy.faults.FamilyRequestsOverHttp.SCHEDULING_DEADLINE;
import static org.independentstudy.faults.FamilyRequestsOverHttp.STUDENTS;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.1: the application killed (its process, as a power cut or {@code kill -9} would) while school-day timers
 * are pending, some of them firing, and a family's request is in flight; then started again on the same database.
 * The test holds the engine's task table, so that the request and the firing timers wait in the middle of their
 * transactions, having written part of what they write, when the node dies.
 */
class RestartFaultIT {

    /** Received the day before: their scheduling deadline passes while the first node still runs. */
    private static final LocalDate DAY_BEFORE = REQUESTS_COME_IN.toLocalDate().minusDays(1);
    private static final int FIRING = 3;
    private static final int PENDING = 3;

    @Test
    @DisplayName("Issue 13.1 a node killed with school-day timers pending and firing and a family's request in flight: after the restart every timer fires exactly once, and the request was written not at all, so the counselor sends it again")
    void restartAfterACrash() throws Exception {
        try (RestartablePostgres db = RestartablePostgres.startFresh("restart")) {
            WrittenRecords records = new WrittenRecords(db);
            List<Long> cases = new ArrayList<>();
            String inFlightStudent = STUDENTS.get(FIRING + PENDING);
            RequestBuilder inFlightRequest;

            try (ApplicationNode first = ApplicationNode.start("restart-first", db,
                    ApplicationNode.offsetTo(REQUESTS_COME_IN), Map.of())) {
                for (int i = 0; i < FIRING + PENDING; i++) {
                    LocalDate receivedOn = i < FIRING ? DAY_BEFORE : REQUESTS_COME_IN.toLocalDate();
                    cases.add(FamilyRequestsOverHttp.open(first,
                            FamilyRequestsOverHttp.withConference(first, STUDENTS.get(i), receivedOn)));
                }
                assertThat(records.timerJobs(SCHEDULING_DEADLINE)).isEqualTo(FIRING + PENDING);
                inFlightRequest = FamilyRequestsOverHttp.withConference(first, inFlightStudent,
                        REQUESTS_COME_IN.toLocalDate());

                CompletableFuture<HttpResponse<String>> inFlight;
                try (WriteLock tasks = WriteLock.on(db, "act_ru_task")) {
                    inFlight = FamilyRequestsOverHttp.sendInFlight(first, inFlightRequest);
                    // the first deadlines pass: their timers fire, record the overdue scheduling on the case's timeline
                    // and wait to create the principals' follow-up task, as the request waits to create its tasks
                    first.setClock(ApplicationNode.offsetTo(DEADLINES_PASSED.minusDays(2)));
                    first.awaitUntil("has the request and the due timers waiting in their transactions",
                            Duration.ofSeconds(60), () -> List.of(records.lockedTimerJobs(SCHEDULING_DEADLINE),
                                    records.writersWaitingForLock()), List.of((long) FIRING, 1L + FIRING));
                    first.crash();
                }
                assertThat(inFlight).as("the request in flight got no answer")
                        .failsWithin(Duration.ofSeconds(10)).withThrowableThat().withCauseInstanceOf(IOException.class);
            }
            Awaitility.await("the dead node's transactions ended without commit").atMost(Duration.ofSeconds(30))
                    .until(() -> records.openTransactionsOfOthers() == 0);

            try (ApplicationNode second = ApplicationNode.start("restart-second", db,
                    ApplicationNode.offsetTo(DEADLINES_PASSED), Map.of())) {
                second.awaitUntil("has fired every scheduling deadline", Duration.ofSeconds(60),
                        () -> records.timerJobs(SCHEDULING_DEADLINE) == 0);
                for (long caseId : cases) {
                    assertThat(records.passed(caseId, SCHEDULING_DEADLINE)).as("case %d's deadline fired", caseId)
                            .isEqualTo(1);
                    assertThat(records.timelineEntries(caseId, SCHEDULING_DEADLINE)).as("case %d's overdue entry", caseId)
                            .isEqualTo(1);
                    assertThat(records.openTasks(caseId, FOLLOW_UP_TASK)).as("case %d's follow-up", caseId).isEqualTo(1);
                }
                assertThat(records.jobsRunMoreThanOnce()).isZero();
                assertThat(records.incidents()).isZero();

                assertThat(records.writtenForRequestOf(inFlightStudent)).as("rows of the request in flight").isZero();
                FamilyRequestsOverHttp.open(second, inFlightRequest);
                assertThat(records.casesOf(inFlightStudent)).isEqualTo(1);
            }
        }
    }
}
