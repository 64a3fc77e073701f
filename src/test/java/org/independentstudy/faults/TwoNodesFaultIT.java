package org.independentstudy.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.faults.FamilyRequestsOverHttp.DEADLINES_PASSED;
import static org.independentstudy.faults.FamilyRequestsOverHttp.END;
import static org.independentstudy.faults.FamilyRequestsOverHttp.FOLLOW_UP_TASK;
import static org.independentstudy.faults.FamilyRequestsOverHttp.REQUESTS_COME_IN;
import static org.independentstudy.faults.FamilyRequestsOverHttp.SCHEDULING_DEADLINE;
import static org.independentstudy.faults.FamilyRequestsOverHttp.START;
import static org.independentstudy.faults.FamilyRequestsOverHttp.STUDENTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.independentstudy.signing.SigningMailbox;
import org.independentstudy.support.AtTheSameMoment;
import org.independentstudy.support.DraftFormVariables;
import org.independentstudy.support.LoggedInSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13.2: two nodes of the application, each with its job executor, on one PostgreSQL database and with one
 * signing secret, as {@code docker compose --scale app=2} runs them behind a load balancer. The first creates the
 * schema, then the second joins (README: "Running several nodes"). Their clocks move together.
 */
class TwoNodesFaultIT {

    private static final String REENGAGEMENT_SWEEP = "reengagement-sweep";
    private static final int SMTP_PORT = RestartablePostgres.freePort();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    private static RestartablePostgres db;
    private static ApplicationNode one;
    private static ApplicationNode two;
    private static WrittenRecords records;

    @BeforeAll
    static void startTwoNodes() {
        db = RestartablePostgres.startFresh("two-nodes");
        records = new WrittenRecords(db);
        Map<String, String> mail = Map.of("spring.mail.host", "localhost", "spring.mail.port", String.valueOf(SMTP_PORT));
        Duration requestsComeIn = ApplicationNode.offsetTo(REQUESTS_COME_IN);
        one = ApplicationNode.start("node-1", db, requestsComeIn, mail);
        two = ApplicationNode.start("node-2", db, requestsComeIn, mail);
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        try (RestartablePostgres database = db; ApplicationNode first = one; ApplicationNode second = two) {
            // closed in reverse order: the nodes, then the database
        }
    }

    @Test
    @DisplayName("Issue 13.2 two nodes, each with its job executor: when their clocks pass the school-day deadlines and the evening of the nightly re-engagement sweep, each deadline fires once and the sweep runs once")
    void timersFireOnceAcrossNodes() throws Exception {
        List<Long> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ApplicationNode node = i % 2 == 0 ? one : two;
            cases.add(FamilyRequestsOverHttp.open(node,
                    FamilyRequestsOverHttp.withConference(node, STUDENTS.get(i), REQUESTS_COME_IN.toLocalDate())));
        }
        assertThat(records.timerJobs(SCHEDULING_DEADLINE)).isEqualTo(cases.size());
        assertThat(records.timerJobs(REENGAGEMENT_SWEEP)).isEqualTo(1);

        // both job executors reach for the same due timers
        Duration later = ApplicationNode.offsetTo(DEADLINES_PASSED);
        one.setClock(later);
        two.setClock(later);
        Awaitility.await("every deadline fired and the sweep ran").atMost(Duration.ofSeconds(60))
                .until(() -> records.timerJobs(SCHEDULING_DEADLINE) == 0 && sweepsRun() == 1);

        for (long caseId : cases) {
            assertThat(records.passed(caseId, SCHEDULING_DEADLINE)).as("case %d's deadline fired", caseId).isEqualTo(1);
            assertThat(records.timelineEntries(caseId, SCHEDULING_DEADLINE)).as("case %d's overdue entry", caseId)
                    .isEqualTo(1);
            assertThat(records.openTasks(caseId, FOLLOW_UP_TASK)).as("case %d's follow-up", caseId).isEqualTo(1);
        }
        assertThat(records.count("select count(*) from reengagement_sweep")).as("days swept").isEqualTo(1);
        assertThat(records.count("select sum(runs) from reengagement_sweep")).as("runs of the sweep").isEqualTo(1);
        assertThat(records.timerJobs(REENGAGEMENT_SWEEP)).as("the next evening's timer").isEqualTo(1);
        assertThat(records.jobsRunMoreThanOnce()).isZero();
        assertThat(records.incidents()).isZero();
        System.out.println("FAULTS jobs run per node: " + records.jobRunsPerNode());
    }

    @Test
    @DisplayName("Issue 13.2 a family's signature through one node and the teacher's signing task completed in Tasklist through the other, at the same moment on the same case, are both kept")
    void signaturesThroughBothNodesAreKept() throws Exception {
        String student = STUDENTS.get(10);
        JsonNode parent = FamilyRequestsOverHttp.parentOf(one, student);
        long caseId = FamilyRequestsOverHttp.open(one,
                FamilyRequestsOverHttp.request(one, student, REQUESTS_COME_IN.toLocalDate()));
        TasklistSession drafter = TasklistSession.logIn(one, "teacher");
        assertThat(drafter.submitForm(FamilyRequestsOverHttp.taskOf(one, caseId, "draftAgreement"),
                DraftFormVariables.complete(START, END, "teacher")).statusCode()).isEqualTo(204);
        String email = parent.get("email").asText();
        String parentsName = parent.get("fullName").asText();
        Awaitility.await("the parent's signing link").atMost(Duration.ofSeconds(30)).until(() -> SigningMailbox
                .textsTo(MAIL, email).stream().anyMatch(text -> text.startsWith("Dear " + parentsName + ",")));
        String parentsLink = SigningMailbox.tokenFor(MAIL, email, parentsName);
        TasklistSession teacher = TasklistSession.logIn(two, "teacher");
        String teachersTask = FamilyRequestsOverHttp.taskOf(two, caseId, "signAsTeacher");

        List<Integer> answers = AtTheSameMoment.run(List.<Callable<Integer>>of(
                () -> signThroughLink(one, parentsLink, parentsName),
                () -> teacher.submitForm(teachersTask, Map.of("agreementReadAndSigned", true)).statusCode()));

        assertThat(answers).containsExactly(200, 204);
        JsonNode signatures = one.json(one.get("counselor", "/api/cases/" + caseId + "/agreement/signatures"));
        assertThat(signatures.get("signatures").findValuesAsText("role")).containsExactlyInAnyOrder(
                "PARENT_OR_GUARDIAN", "SUPERVISING_TEACHER");
        assertThat(signatures.get("awaiting").findValuesAsText("role")).containsExactly("STUDENT");
        assertThat(records.openTasks(caseId, "signAsTeacher")).as("the teacher's task, done").isZero();
        assertThat(two.json(two.get("counselor", "/api/cases/" + caseId + "/agreement/signatures")))
                .isEqualTo(signatures);
    }

    @Test
    @DisplayName("Issue 13.2 a login is its node's: the session opened on one node is unknown to the other, so the load balancer keeps a browser on its node (sticky sessions); HTTP Basic calls go to either")
    void sessionsStayOnTheirNode() throws Exception {
        LoggedInSession onOne = LoggedInSession.logIn(one.base().toString(), "counselor", "demo");
        assertThat(onOne.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(two.getInSession(onOne, "/api/me").statusCode()).isEqualTo(401);
        for (ApplicationNode node : List.of(one, two)) {
            assertThat(node.get("counselor", "/api/me").statusCode()).isEqualTo(200);
        }
    }

    private static long sweepsRun() throws Exception {
        return records.count("select count(*) from act_hi_procinst where proc_def_key_ = ? and end_time_ is not null",
                REENGAGEMENT_SWEEP);
    }

    /** The parent's browser: the signing page's form, typed name and consent; the page's status. */
    private static int signThroughLink(ApplicationNode node, String token, String fullName)
            throws IOException, InterruptedException {
        return node.postForm("/sign/" + token, "fullName=" + URLEncoder.encode(fullName, StandardCharsets.UTF_8)
                + "&consent=true").statusCode();
    }
}
