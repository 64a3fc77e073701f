package org.independentstudy.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing a written agreement (AGR-06, AGR-08, AGR-09): who must sign, and recording each signature.
 *
 * <p>For the family signing link: {@link #requiredSigners(Long, LocalDate)} lists whom to e-mail (family
 * signers have {@link SignerRole#isFamily()}; their {@link RequiredSigner#identity()} is what the link passes
 * back to {@link #sign(Long, SignerRole, String, SignatureMethod)} with {@link SignatureMethod#EMAIL_LINK}).
 * Links are sent on {@link AgreementReadyForSignatures}; reminders on {@link AgreementSignatureReminderDue}.
 *
 * <p>Concurrency: each signature is its own row (unique per version, role and signer), and every signature
 * bumps the version's optimistic lock before deciding whether the version is now fully signed, so two
 * signers at the same moment are both kept and one of them sees the other. Called outside a transaction,
 * {@code sign} retries a losing attempt; inside one (a Tasklist completion) the caller's transaction decides.
 */
@Service
public class AgreementSignatures {

    private static final int ATTEMPTS = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final Logger log = LoggerFactory.getLogger(AgreementSignatures.class);

    private final AgreementVersionRepository versions;
    private final WrittenAgreementRepository agreements;
    private final AgreementSignatureRepository signatures;
    private final PaperSignatureScanRepository scans;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final StaffMemberRepository staff;
    private final CaseRecord caseRecord;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SignerRequirements requirements;

    AgreementSignatures(AgreementVersionRepository versions, WrittenAgreementRepository agreements,
                        AgreementSignatureRepository signatures, PaperSignatureScanRepository scans,
                        StudentRepository students,
                        GuardianRepository guardians, StaffMemberRepository staff, CaseRecord caseRecord,
                        ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                        Clock clock) {
        this.versions = versions;
        this.agreements = agreements;
        this.signatures = signatures;
        this.scans = scans;
        this.students = students;
        this.guardians = guardians;
        this.staff = staff;
        this.caseRecord = caseRecord;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.requirements = new SignerRequirements(staff::findByUsername);
    }

    /**
     * Records one electronic signature, given now, of the exact version given (AGR-08); idempotent per version,
     * role and signer.
     *
     * @param signerIdentity a {@link RequiredSigner#identity()}; for the special-education designee, the
     *                       username of the staff member signing
     */
    public SignatureOutcome sign(Long agreementVersionId, SignerRole role, String signerIdentity,
                                 SignatureMethod method) {
        return sign(agreementVersionId, role, signerIdentity, SignatureGiven.electronic(method, clock.instant()));
    }

    /**
     * Records one signature as it was given: electronically now, or in person or on paper as staff record it
     * (AGR-06); the signers required are those of the day it was given. Idempotent per version, role and signer.
     */
    public SignatureOutcome sign(Long agreementVersionId, SignerRole role, String signerIdentity,
                                 SignatureGiven given) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return signOnce(agreementVersionId, role, signerIdentity, given);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(s -> signOnce(agreementVersionId, role, signerIdentity, given));
            } catch (ConcurrencyFailureException | DataIntegrityViolationException e) {
                // another signature of this version committed first: try again, seeing it
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Signature of agreement version {} met a concurrent signature; attempt {} again",
                        agreementVersionId, attempt + 1);
            }
        }
    }

    private SignatureOutcome signOnce(Long versionId, SignerRole role, String signerIdentity, SignatureGiven given) {
        AgreementVersion version = version(versionId);
        if (version.isSuperseded()) {
            return SignatureOutcome.VERSION_SUPERSEDED;
        }
        if (version.getStatus() == AgreementVersion.Status.DRAFT) {
            throw new ConflictException("Agreement version " + versionId + " has not been sent for signature");
        }
        if (signatures.existsByAgreementVersionIdAndSignerRoleAndSignerIdentity(versionId, role, signerIdentity)) {
            return SignatureOutcome.ALREADY_SIGNED;
        }
        LocalDate signingDay = dayOf(given.signedAt());
        List<RequiredSigner> requiredOnSigningDay = requiredSigners(version, signingDay);
        Optional<RequiredSigner> signer = requiredOnSigningDay.stream()
                .filter(r -> r.role() == role && (r.identity() == null || r.identity().equals(signerIdentity)))
                .findFirst();
        if (signer.isEmpty()) {
            return SignatureOutcome.NOT_A_REQUIRED_SIGNER;
        }
        String name = signer.get().identity() == null ? staffName(signerIdentity) : signer.get().name();
        PaperSignatureScan scan = given.paperScan() == null ? null : scans.save(new PaperSignatureScan(versionId,
                given.paperScan().fileName(), given.paperScan().content(), given.paperScan().sha256(),
                clock.instant(), given.recordedBy()));
        AgreementSignature signature = signatures.saveAndFlush(new AgreementSignature(version, role, signerIdentity,
                name, given, given.recordedBy() == null ? null : staffName(given.recordedBy()), clock.instant(), scan));
        version.countSignature();
        versions.saveAndFlush(version);
        Long caseId = agreementOf(version).getCaseId();
        caseRecord.append(caseId, CaseEvent.underRule("AGR-08", "agreementSigned", name + " signed version "
                + version.getVersionNumber() + " of the written agreement as " + role + " on "
                + WHEN.format(given.signedAt().atZone(clock.getZone())) + ", " + signature.howSigned()
                + (scan == null ? "" : "; scan '" + scan.getFileName() + "' has SHA-256 " + scan.getSha256())
                + " (agreement SHA-256 " + version.getContentSha256() + ")"));
        List<AgreementSignature> all = signatures.findByAgreementVersionIdOrderById(versionId);
        // complete or not as of the last signature given: one recorded afterwards may have been given earlier
        LocalDate lastDay = lastSignatureDay(all);
        List<RequiredSigner> requiredAtLast = lastDay.equals(signingDay) ? requiredOnSigningDay
                : requiredSigners(version, lastDay);
        if (role.isFamily()) {
            events.publishEvent(new FamilySignatureRecorded(versionId, signerIdentity, given.method()));
            if (allSigned(requiredAtLast.stream().filter(r -> r.role().isFamily()).toList(), all)) {
                events.publishEvent(new FamilySignaturesComplete(versionId));
            }
        }
        if (version.getStatus() != AgreementVersion.Status.FULLY_SIGNED && allSigned(requiredAtLast, all)) {
            version.markFullySigned(clock.instant());
            caseRecord.append(caseId, CaseEvent.underRule("AGR-09", "agreementFullySigned", "Version "
                    + version.getVersionNumber() + " of the written agreement carries every required signature"));
        }
        return SignatureOutcome.SIGNED;
    }

    /** AGR-06: who must sign this version if it is signed on the given date. */
    public List<RequiredSigner> requiredSigners(Long agreementVersionId, LocalDate signingDate) {
        return transactions.execute(s -> requiredSigners(version(agreementVersionId), signingDate));
    }

    /** Required signers whose signature is not yet on this version. */
    public List<RequiredSigner> unsignedSigners(Long agreementVersionId, LocalDate date) {
        List<AgreementSignature> given = signaturesOf(agreementVersionId);
        return requiredSigners(agreementVersionId, date).stream()
                .filter(r -> given.stream().noneMatch(s -> r.isSignedBy(s.getSignerRole(), s.getSignerIdentity())))
                .toList();
    }

    public List<AgreementSignature> signaturesOf(Long agreementVersionId) {
        return signatures.findByAgreementVersionIdOrderById(agreementVersionId);
    }

    /** The teachers who sign this version in Tasklist (BPMN multi-instance collection). */
    public List<String> teachersToSign(Long agreementVersionId) {
        return SignerRequirements.teachersOf(version(agreementVersionId).content());
    }

    /** The role in which this version's teachers sign (AGR-06: course teachers for course-based). */
    public SignerRole teacherRoleOf(Long agreementVersionId) {
        return version(agreementVersionId).content().courseBased() ? SignerRole.COURSE_TEACHER
                : SignerRole.SUPERVISING_TEACHER;
    }

    private List<RequiredSigner> requiredSigners(AgreementVersion version, LocalDate signingDate) {
        AgreementContent content = version.content();
        Student student = students.findById(content.student().studentId())
                .orElseThrow(() -> new NotFoundException("No student " + content.student().studentId()));
        return requirements.requiredOn(content, student, guardians.findByStudentIdOrderById(student.getId()),
                signingDate);
    }

    /** AGR-07, AGR-09: the day of the last signature given, from which the agreement counts as signed. */
    public LocalDate lastSignatureDay(List<AgreementSignature> given) {
        return dayOf(given.stream().map(AgreementSignature::getSignedAt).max(Comparator.naturalOrder()).orElseThrow());
    }

    private LocalDate dayOf(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }

    static boolean allSigned(List<RequiredSigner> required, List<AgreementSignature> given) {
        return required.stream().allMatch(r -> given.stream()
                .anyMatch(s -> r.isSignedBy(s.getSignerRole(), s.getSignerIdentity())));
    }

    private String staffName(String username) {
        return staff.findByUsername(username).map(StaffMember::getFullName).orElse(username);
    }

    private AgreementVersion version(Long versionId) {
        return versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("No agreement version " + versionId));
    }

    private WrittenAgreement agreementOf(AgreementVersion version) {
        return agreements.findById(version.getAgreementId()).orElseThrow();
    }
}
