package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.signing.FamilySigningScenario.Sent;
import org.independentstudy.support.PostgresIntegrationTest;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

class SigningLinkConcurrencyTest extends PostgresIntegrationTest {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    FamilySigningScenario scenario;
    @Autowired
    CaseRecord caseRecord;

    @Test
    @DisplayName("AGR-08 the same signature submitted twice at the same moment is recorded once (PostgreSQL)")
    void sameSubmissionTwiceAtOnceSignsOnce() throws Exception {
        Sent sent = scenario.sendToFamily("S100010");
        String token = sent.parentToken(mail);
        String parentName = sent.parent().getFullName();

        assertThat(atTheSameMoment(token, parentName, token, parentName))
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);

        assertThat(scenario.signaturesOf(sent)).hasSize(1);
        assertThat(caseRecord.timelineOf(sent.caseId()))
                .filteredOn(e -> e.getStep().equals("agreementSigned")).hasSize(1);
    }

    @Test
    @DisplayName("AGR-06 AGR-08 a student and a parent signing at the same moment are both kept (PostgreSQL)")
    void twoSignersAtOnceAreBothKept() throws Exception {
        Sent sent = scenario.sendToFamily("S100012");
        String studentName = sent.student().fullName();
        String parentName = sent.parent().getFullName();

        assertThat(atTheSameMoment(sent.studentToken(mail), studentName, sent.parentToken(mail), parentName))
                .containsExactly(HttpStatus.OK, HttpStatus.OK);
        assertThat(scenario.signaturesOf(sent)).hasSize(2);
    }

    /** Two browsers submit the signing form at once; their answers in the order given. */
    private List<HttpStatusCode> atTheSameMoment(String token1, String name1, String token2, String name2)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            Future<HttpStatusCode> first = browsers.submit(() -> submitAfter(together, token1, name1));
            Future<HttpStatusCode> second = browsers.submit(() -> submitAfter(together, token2, name2));
            return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        } finally {
            browsers.shutdownNow();
        }
    }

    private HttpStatusCode submitAfter(CyclicBarrier together, String token, String fullName) throws Exception {
        together.await(10, TimeUnit.SECONDS);
        return SigningForm.submit(rest, token, fullName, true).getStatusCode();
    }
}
