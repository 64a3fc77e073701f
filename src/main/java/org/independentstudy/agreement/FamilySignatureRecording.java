package org.independentstudy.agreement;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * AGR-06, AGR-08: staff record a family member's signature given in person (the logged-in staff member is the
 * witness) or on paper (the scan is kept). Such a signature counts exactly like one given through the e-mailed
 * link: it carries the version's SHA-256, completes the family's signatures and ends the signer's open link.
 * Everything is checked before anything is written.
 */
@Service
public class FamilySignatureRecording {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_FILE_NAME = 200;

    private final WrittenAgreementRepository agreements;
    private final AgreementVersionRepository versions;
    private final AgreementSignatures signatures;
    private final PaperSignatureScanRepository scans;
    private final CaseRecord caseRecord;
    private final CurrentActor actor;
    private final PaperSignatureProperties paper;
    private final Clock clock;

    FamilySignatureRecording(WrittenAgreementRepository agreements, AgreementVersionRepository versions,
                             AgreementSignatures signatures, PaperSignatureScanRepository scans,
                             CaseRecord caseRecord, CurrentActor actor, PaperSignatureProperties paper,
                             Clock clock) {
        this.agreements = agreements;
        this.versions = versions;
        this.signatures = signatures;
        this.scans = scans;
        this.caseRecord = caseRecord;
        this.actor = actor;
        this.paper = paper;
        this.clock = clock;
    }

    /**
     * What staff state about the signature.
     *
     * @param versionNumber the version the family member signed, as printed on it
     * @param signer        {@link SignerRole#STUDENT} or {@link SignerRole#PARENT_OR_GUARDIAN}
     * @param guardianId    which parent, guardian or caregiver signed, for {@code PARENT_OR_GUARDIAN}
     * @param signedAt      when they signed: not in the future, not before the version was sent
     */
    public record FamilySignatureStatement(Integer versionNumber, SignerRole signer, Long guardianId,
                                           OffsetDateTime signedAt) {
    }

    /** A signature of the case's agreement, as staff read it; {@code newlyRecorded} false when it was on record. */
    public record RecordedSignature(Long id, int versionNumber, SignerRole role, String signerIdentity,
                                    String signerName, SignatureMethod method, String howSigned, Instant signedAt,
                                    String agreementSha256, String recordedBy, Instant recordedAt,
                                    Long paperScanId, boolean newlyRecorded) {

        static RecordedSignature of(AgreementSignature s, AgreementVersion version, boolean newlyRecorded) {
            return new RecordedSignature(s.getId(), version.getVersionNumber(), s.getSignerRole(),
                    s.getSignerIdentity(), s.getSignerName(), s.getMethod(), s.howSigned(), s.getSignedAt(),
                    s.getContentSha256(), s.getRecordedBy(), s.getRecordedAt(), s.getPaperScanId(), newlyRecorded);
        }
    }

    /** A required signer whose signature is missing; {@code guardianId} names a parent for staff to record. */
    public record AwaitedSigner(SignerRole role, String identity, Long guardianId, String name, boolean hasEmail) {
    }

    /** The current version's signatures and who is still to sign: what staff look at before recording one. */
    public record SigningStatus(int versionNumber, AgreementVersion.Status status, String agreementSha256,
                                Instant sentAt, List<RecordedSignature> signatures, List<AwaitedSigner> awaiting) {
    }

    @Transactional(readOnly = true)
    public SigningStatus statusOfCase(Long caseId) {
        AgreementVersion version = versions.findFirstByAgreementIdOrderByVersionNumberDesc(agreementOf(caseId).getId())
                .orElseThrow(() -> new NotFoundException("Case " + caseId + " has no written agreement yet"));
        List<AwaitedSigner> awaiting = version.getStatus() == AgreementVersion.Status.SENT_FOR_SIGNATURE
                ? signatures.unsignedSigners(version.getId(), LocalDate.now(clock)).stream()
                        .map(r -> new AwaitedSigner(r.role(), r.identity(), r.guardianId(), r.name(),
                                r.email() != null && !r.email().isBlank()))
                        .toList()
                : List.of();
        return new SigningStatus(version.getVersionNumber(), version.getStatus(), version.getContentSha256(),
                version.getSentAt(), signatures.signaturesOf(version.getId()).stream()
                        .map(s -> RecordedSignature.of(s, version, false)).toList(), awaiting);
    }

    /** AGR-06: the family member signed the version in front of the logged-in staff member. */
    public RecordedSignature recordInPerson(Long caseId, FamilySignatureStatement statement) {
        Map<String, String> problems = statementProblems(statement);
        throwIfAny(problems);
        return record(caseId, statement, SignatureGiven.inPerson(statement.signedAt().toInstant(), actor.username()));
    }

    /** AGR-06: the family member signed the printed version on paper; the scan is a PDF within the size limit. */
    public RecordedSignature recordOnPaper(Long caseId, FamilySignatureStatement statement, String fileName,
                                           byte[] scan) {
        Map<String, String> problems = statementProblems(statement);
        if (scan == null || scan.length == 0) {
            problems.put("file", "attach the scan of the signed agreement as a PDF");
        } else if (scan.length > paper.maxSize().toBytes()) {
            problems.put("file", "the scan has " + scan.length + " bytes, more than the limit of "
                    + paper.maxSize().toBytes() + " bytes (" + paper.maxSize().toMegabytes() + " MB)");
        } else if (!isPdf(scan)) {
            problems.put("file", "the scan is not a PDF document");
        }
        throwIfAny(problems);
        SignatureGiven given = SignatureGiven.onPaper(statement.signedAt().toInstant(), actor.username(),
                new SignatureGiven.Scan(fileNameOf(fileName), scan));
        return record(caseId, statement, given);
    }

    /** A scan of a paper signature of the case's agreement. */
    @Transactional(readOnly = true)
    public PaperSignatureScan scanOfCase(Long caseId, Long scanId) {
        Long agreementId = agreementOf(caseId).getId();
        return scans.findById(scanId)
                .filter(scan -> versions.findById(scan.getAgreementVersionId())
                        .map(v -> v.getAgreementId().equals(agreementId)).orElse(false))
                .orElseThrow(() -> new NotFoundException("Case " + caseId + " has no paper signature scan " + scanId));
    }

    private RecordedSignature record(Long caseId, FamilySignatureStatement statement, SignatureGiven given) {
        AgreementVersion version = versionToSign(caseId, statement.versionNumber());
        Instant signedAt = given.signedAt();
        LocalDate signingDay = signedAt.atZone(clock.getZone()).toLocalDate();
        String identity = statement.signer() == SignerRole.STUDENT
                ? RequiredSigner.studentIdentity(caseRecord.get(caseId).getStudentId())
                : RequiredSigner.guardianIdentity(statement.guardianId());
        if (signedAt.isAfter(clock.instant())) {
            throw InvalidRequestException.rule("AGR-08", "signedAt", statement.signedAt() + " is in the future");
        }
        if (signedAt.isBefore(version.getSentAt())) {
            throw InvalidRequestException.rule("AGR-08", "signedAt", "version " + version.getVersionNumber()
                    + " was sent for signature on " + version.getSentAt().atZone(clock.getZone()).toOffsetDateTime()
                    + "; nobody signed it before");
        }
        List<RequiredSigner> family = signatures.requiredSigners(version.getId(), signingDay).stream()
                .filter(r -> r.role().isFamily()).toList();
        if (family.stream().noneMatch(r -> r.role() == statement.signer() && r.identity().equals(identity))) {
            throw InvalidRequestException.rule("AGR-06", statement.signer() == SignerRole.STUDENT ? "signer"
                    : "guardianId", identity + " is not a family signer of this agreement on " + signingDay
                    + "; they are: " + family.stream().map(r -> r.name() + " (" + r.identity() + ")")
                    .collect(Collectors.joining(", ")));
        }
        SignatureOutcome outcome = signatures.sign(version.getId(), statement.signer(), identity, given);
        return switch (outcome) {
            case SIGNED, ALREADY_SIGNED -> signatures.signaturesOf(version.getId()).stream()
                    .filter(s -> s.getSignerRole() == statement.signer() && s.getSignerIdentity().equals(identity))
                    .findFirst().map(s -> RecordedSignature.of(s, version, outcome == SignatureOutcome.SIGNED))
                    .orElseThrow();
            case VERSION_SUPERSEDED -> throw superseded(version);
            case NOT_A_REQUIRED_SIGNER -> throw new ConflictException("AGR-06: " + identity
                    + " no longer has to sign version " + version.getVersionNumber());
        };
    }

    /** The version named, if it is the one out for signature: a version an edit replaced is not signed (AGR-08). */
    private AgreementVersion versionToSign(Long caseId, int versionNumber) {
        WrittenAgreement agreement = agreementOf(caseId);
        AgreementVersion version = versions.findByAgreementIdOrderByVersionNumber(agreement.getId()).stream()
                .filter(v -> v.getVersionNumber() == versionNumber).findFirst()
                .orElseThrow(() -> InvalidRequestException.field("versionNumber",
                        "the agreement of case " + caseId + " has no version " + versionNumber));
        if (version.isSuperseded()) {
            throw superseded(version);
        }
        if (version.getStatus() == AgreementVersion.Status.DRAFT) {
            throw new ConflictException("Version " + versionNumber + " of the agreement has not been sent for "
                    + "signature");
        }
        return version;
    }

    private ConflictException superseded(AgreementVersion version) {
        int current = versions.findFirstByAgreementIdOrderByVersionNumberDesc(version.getAgreementId())
                .orElseThrow().getVersionNumber();
        return new ConflictException("AGR-08: version " + version.getVersionNumber() + " was replaced after an "
                + "edit; the family signs the current version " + current + " again");
    }

    private WrittenAgreement agreementOf(Long caseId) {
        caseRecord.get(caseId);
        return agreements.findByCaseIdOrderByIdDesc(caseId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Case " + caseId + " has no written agreement yet"));
    }

    private static Map<String, String> statementProblems(FamilySignatureStatement statement) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (statement.versionNumber() == null) {
            problems.put("versionNumber", "is required: the version printed on what the family member signed");
        }
        if (statement.signer() == null || !statement.signer().isFamily()) {
            problems.put("signer", "is required: STUDENT or PARENT_OR_GUARDIAN");
        } else if (statement.signer() == SignerRole.PARENT_OR_GUARDIAN && statement.guardianId() == null) {
            problems.put("guardianId", "is required: which parent, guardian or caregiver signed");
        }
        if (statement.signedAt() == null) {
            problems.put("signedAt", "is required: when the family member signed");
        }
        return problems;
    }

    private static void throwIfAny(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The signature cannot be recorded: " + problems, problems, null);
        }
    }

    /** By its content, not by the name or type the browser claims. */
    private static boolean isPdf(byte[] content) {
        return content.length >= PDF_MAGIC.length
                && Arrays.equals(content, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length);
    }

    private static String fileNameOf(String uploaded) {
        String name = uploaded == null ? "" : uploaded.substring(Math.max(uploaded.lastIndexOf('/'),
                uploaded.lastIndexOf('\\')) + 1).strip();
        name = name.isEmpty() ? "paper-signature.pdf" : name;
        return name.length() <= MAX_FILE_NAME ? name : name.substring(name.length() - MAX_FILE_NAME);
    }
}
