package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.signing.FamilySigningScenario.Sent;
import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

class SigningLinkConcurrencyTest extends PostgresIntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    FamilySigningScenario scenario;
    @Autowired
    CaseRecord caseRecord;

    @Test
    @DisplayName("AGR-08 the same signature submitted twice at the same moment is recorded once (PostgreSQL)")
    void sameSubmissionTwiceAtOnceSignsOnce() throws Exception {
        Sent sent = scenario.sendToFamily("S100010", null);
        String token = sent.parentToken(mail);
        String parentName = sent.parent().getFullName();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpStatusCode>> submissions = List.of(
                    browsers.submit(() -> submitAfter(together, token, parentName)),
                    browsers.submit(() -> submitAfter(together, token, parentName)));
            List<HttpStatusCode> statuses = List.of(submissions.get(0).get(30, TimeUnit.SECONDS),
                    submissions.get(1).get(30, TimeUnit.SECONDS));
            assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        } finally {
            browsers.shutdownNow();
        }

        assertThat(scenario.signaturesOf(sent)).hasSize(1);
        assertThat(caseRecord.timelineOf(sent.request().caseId()))
                .filteredOn(e -> e.getStep().equals("familySignedAgreement")).hasSize(1);
    }

    private HttpStatusCode submitAfter(CyclicBarrier together, String token, String fullName) throws Exception {
        together.await(10, TimeUnit.SECONDS);
        return SigningForm.submit(rest, token, fullName, true).getStatusCode();
    }
}
