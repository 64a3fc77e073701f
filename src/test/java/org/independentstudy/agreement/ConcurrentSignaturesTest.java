package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.independentstudy.people.Student;
import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** AGR-08 on a real PostgreSQL server: signatures given at the same moment are all kept. */
class ConcurrentSignaturesTest extends PostgresIntegrationTest {

    @Autowired
    AgreementScenarios scenarios;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    AgreementVersionRepository versions;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Both calls wait at the latch and then sign at the same moment. */
    private List<SignatureOutcome> atTheSameMoment(Callable<SignatureOutcome> first, Callable<SignatureOutcome> second)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Future<SignatureOutcome> a = threads.submit(() -> {
            go.await();
            return first.call();
        });
        Future<SignatureOutcome> b = threads.submit(() -> {
            go.await();
            return second.call();
        });
        go.countDown();
        return List.of(a.get(), b.get());
    }

    @Test
    @DisplayName("AGR-08 the student and the parent signing at the same moment are both kept, and the agreement is fully signed (AGR-09)")
    void twoSignersAtTheSameMomentAreBothKept() throws Exception {
        Student student = scenarios.student("S100011");
        for (int round = 0; round < 3; round++) {
            AgreementVersion version = scenarios.sentAgreement(student, "teacher");
            Long id = version.getId();
            signatures.sign(id, SignerRole.SUPERVISING_TEACHER, "teacher", SignatureMethod.TASKLIST);
            String parent = scenarios.identityOf(id, SignerRole.PARENT_OR_GUARDIAN);

            List<SignatureOutcome> outcomes = atTheSameMoment(
                    () -> signatures.sign(id, SignerRole.STUDENT, RequiredSigner.studentIdentity(student.getId()),
                            SignatureMethod.EMAIL_LINK),
                    () -> signatures.sign(id, SignerRole.PARENT_OR_GUARDIAN, parent, SignatureMethod.EMAIL_LINK));

            assertThat(outcomes).containsOnly(SignatureOutcome.SIGNED);
            assertThat(signatures.signaturesOf(id)).extracting(AgreementSignature::getSignerRole)
                    .containsExactlyInAnyOrder(SignerRole.SUPERVISING_TEACHER, SignerRole.STUDENT,
                            SignerRole.PARENT_OR_GUARDIAN);
            AgreementVersion signed = versions.findById(id).orElseThrow();
            assertThat(signed.getStatus()).as("the last of the two saw the other").isEqualTo(AgreementVersion.Status.FULLY_SIGNED);
            assertThat(signed.getSignatureCount()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("AGR-08 the same signer submitting twice at the same moment signs once")
    void sameSignerTwiceSignsOnce() throws Exception {
        Student student = scenarios.student("S100012");
        Long id = scenarios.sentAgreement(student, "teacher").getId();
        Callable<SignatureOutcome> studentSigns = () -> signatures.sign(id, SignerRole.STUDENT,
                RequiredSigner.studentIdentity(student.getId()), SignatureMethod.EMAIL_LINK);

        assertThat(atTheSameMoment(studentSigns, studentSigns))
                .containsExactlyInAnyOrder(SignatureOutcome.SIGNED, SignatureOutcome.ALREADY_SIGNED);
        assertThat(signatures.signaturesOf(id)).hasSize(1);
    }
}
