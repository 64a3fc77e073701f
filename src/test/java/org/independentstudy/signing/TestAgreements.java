package org.independentstudy.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Component;

/**
 * Stands in for the agreement domain until it is merged: versions sent for signature, the family signers a
 * minor or an adult student has (AGR-06), and the signatures recorded.
 */
@Component
class TestAgreements implements AgreementsForFamilySigning {

    record RecordedSignature(Long versionId, String role, String identity, String method, Instant at) {
    }

    private final AtomicLong ids = new AtomicLong(900_000);
    private final Map<Long, SignatureRequest> versions = new ConcurrentHashMap<>();
    private final Map<Long, Student> students = new ConcurrentHashMap<>();
    private final List<RecordedSignature> signatures = new CopyOnWriteArrayList<>();
    private final CaseRecord caseRecord;
    private final GuardianRepository guardians;
    private final Clock clock;

    TestAgreements(CaseRecord caseRecord, GuardianRepository guardians, Clock clock) {
        this.caseRecord = caseRecord;
        this.guardians = guardians;
        this.clock = clock;
    }

    /** A new case for the student with a first agreement version sent out for signature. */
    SignatureRequest sendForSignature(Student student, LocalDate deadline) {
        Long caseId = caseRecord.open(student.getId(), student.getSchoolId(),
                CaseEvent.of("requestReceived", "test case for family signing")).getId();
        return version(caseId, ids.incrementAndGet(), student, deadline);
    }

    /** The agreement edited after it went out: a new version to be signed again (AGR-08). */
    SignatureRequest newVersionOf(SignatureRequest previous, Student student) {
        return version(previous.caseId(), previous.agreementId(), student, previous.signingDeadline());
    }

    private SignatureRequest version(Long caseId, Long agreementId, Student student, LocalDate deadline) {
        Long versionId = ids.incrementAndGet();
        List<FamilySigner> signers = new ArrayList<>();
        // the student's own link goes to the family's address: students have none on record
        String familyEmail = guardians.findByStudentIdOrderById(student.getId()).get(0).getEmail();
        signers.add(new FamilySigner("STUDENT", "student:" + student.getId(), student.fullName(), familyEmail));
        if (!student.isAdultOn(LocalDate.now(clock))) {
            for (Guardian guardian : guardians.findByStudentIdOrderById(student.getId())) {
                signers.add(new FamilySigner(guardian.getRelationship().name(), "guardian:" + guardian.getId(),
                        guardian.getFullName(), guardian.getEmail()));
            }
        }
        SignatureRequest request = new SignatureRequest(caseId, agreementId, versionId, student.getFirstName(),
                deadline, List.copyOf(signers));
        versions.put(versionId, request);
        students.put(versionId, student);
        return request;
    }

    List<RecordedSignature> signaturesOf(Long versionId) {
        return signatures.stream().filter(s -> s.versionId().equals(versionId)).toList();
    }

    @Override
    public SignatureRequest signatureRequest(Long agreementVersionId) {
        return versions.get(agreementVersionId);
    }

    @Override
    public String renderHtml(Long agreementVersionId) {
        return "<html><body><h2>Independent study agreement</h2><p id=\"student-name\">Student: "
                + students.get(agreementVersionId).fullName() + "</p><section id=\"board-policy\">Maximum time from "
                + "assignment to completion: 7 days</section></body></html>";
    }

    /** A newer version of the agreement, or a parent of a student who has turned 18, is no longer asked. */
    @Override
    public synchronized LinkSignatureOutcome signByLink(Long agreementVersionId, String signerRole,
                                                        String signerIdentity) {
        SignatureRequest version = versions.get(agreementVersionId);
        boolean superseded = versions.values().stream().anyMatch(v -> v.agreementId().equals(version.agreementId())
                && v.agreementVersionId() > agreementVersionId);
        boolean parentOfAdult = !signerRole.equals("STUDENT")
                && students.get(agreementVersionId).isAdultOn(LocalDate.now(clock));
        if (superseded || parentOfAdult) {
            return LinkSignatureOutcome.NO_LONGER_REQUESTED;
        }
        if (signatures.stream().anyMatch(s -> s.versionId().equals(agreementVersionId)
                && s.identity().equals(signerIdentity))) {
            return LinkSignatureOutcome.ALREADY_SIGNED;
        }
        signatures.add(new RecordedSignature(agreementVersionId, signerRole, signerIdentity, "ELECTRONIC_LINK",
                clock.instant()));
        return LinkSignatureOutcome.SIGNED;
    }
}
