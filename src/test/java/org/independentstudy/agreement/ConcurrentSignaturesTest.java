package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** AGR-08 on a real PostgreSQL server: signatures given at the same moment are all kept. */
class ConcurrentSignaturesTest extends PostgresIntegrationTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 11);
    private static final LocalDate END = LocalDate.of(2027, 3, 26);

    @Autowired
    AgreementDrafting drafting;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    AgreementVersionRepository versions;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    StudentRepository students;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private AgreementVersion sentAgreement(Student student) {
        Long caseId = caseRecord.open(student.getId(), student.getSchoolId(),
                CaseEvent.of("requestReceived", "The family asked for independent study")).getId();
        WrittenAgreement agreement = drafting.prepare(Agreements.traditional(caseId, student.getId(), START, END, true));
        AgreementVersion version = drafting.save(agreement.getId(),
                Agreements.completeDraft(START, END, "teacher", List.of()));
        drafting.sendForSignature(version.getId());
        return version;
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
        Student student = students.findByStudentNumber("S100011").orElseThrow();
        for (int round = 0; round < 3; round++) {
            AgreementVersion version = sentAgreement(student);
            Long id = version.getId();
            signatures.sign(id, SignerRole.SUPERVISING_TEACHER, "teacher", SignatureMethod.TASKLIST);
            String parent = signatures.requiredSigners(id, LocalDate.now()).stream()
                    .filter(r -> r.role() == SignerRole.PARENT_OR_GUARDIAN).findFirst().orElseThrow().identity();

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
        Student student = students.findByStudentNumber("S100012").orElseThrow();
        Long id = sentAgreement(student).getId();
        Callable<SignatureOutcome> studentSigns = () -> signatures.sign(id, SignerRole.STUDENT,
                RequiredSigner.studentIdentity(student.getId()), SignatureMethod.EMAIL_LINK);

        assertThat(atTheSameMoment(studentSigns, studentSigns))
                .containsExactlyInAnyOrder(SignatureOutcome.SIGNED, SignatureOutcome.ALREADY_SIGNED);
        assertThat(signatures.signaturesOf(id)).hasSize(1);
    }
}
