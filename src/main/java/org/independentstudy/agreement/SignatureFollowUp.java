package org.independentstudy.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * AGR-07: what happens when signatures are late: the reminder before the deadline, the record at it, and the
 * principal's decision after it (revise, end the placement, or keep waiting until a named school day).
 */
@Service
public class SignatureFollowUp {

    private static final String SIGNED_LATE = "signed after its window, " + SignatureDeadlines.LATE_SIGNATURE_COUNTS;

    private final AgreementDrafting drafting;
    private final AgreementSignatures signatures;
    private final AgreementVersionRepository versions;
    private final SignatureDeadlines deadlines;
    private final CaseRecord caseRecord;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignatureFollowUp(AgreementDrafting drafting, AgreementSignatures signatures, AgreementVersionRepository versions,
                      SignatureDeadlines deadlines, CaseRecord caseRecord, ApplicationEventPublisher events,
                      Clock clock) {
        this.drafting = drafting;
        this.signatures = signatures;
        this.versions = versions;
        this.deadlines = deadlines;
        this.caseRecord = caseRecord;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Names the unsigned parties on the record and asks the principal to follow up; once this commits, each
     * unsigned family signer is e-mailed a working link, and each message the mail server takes is recorded.
     */
    @Transactional
    public List<RequiredSigner> remindUnsignedSigners(Long agreementVersionId) {
        List<RequiredSigner> unsigned = unsignedSigners(agreementVersionId);
        SignatureDeadline deadline = drafting.signatureDeadlineOf(agreementVersionId);
        caseRecord.append(caseOf(agreementVersionId), CaseEvent.underRule("AGR-07", "signatureDeadlineApproaching",
                "Signature deadline approaching (" + deadline.rule() + "); not yet signed: " + names(unsigned, ", ")
                        + "; the principal is asked to follow up"));
        // its listener runs after commit (@TransactionalEventListener): no e-mail for a rollback
        events.publishEvent(new AgreementSignatureReminderDue(agreementVersionId, unsigned));
        return unsigned;
    }

    /** AGR-07: what the principal did about the unsigned agreement goes on the case record. */
    @Transactional
    public void recordPrincipalFollowUp(Long agreementVersionId, String note) {
        caseRecord.append(caseOf(agreementVersionId), CaseEvent.underRule("AGR-07",
                "unsignedAgreementFollowedUp", "Principal's follow-up of the unsigned agreement: " + note));
    }

    /**
     * AGR-07, AGR-08: how a counselor reached the family signers whose signing e-mails to one address the mail
     * server never took (on paper, in person, or another way), on the record with who did it.
     */
    @Transactional
    public void recordFamilyReachedWithoutEmail(Long agreementVersionId, List<String> signers,
                                                FamilyReachedWithoutEmail how, String note) {
        String emails = signers.size() == 1 ? "The signing e-mail to " + signers.get(0) + " was"
                : "The signing e-mails to " + String.join(", ", signers.subList(0, signers.size() - 1)) + " and "
                        + signers.get(signers.size() - 1) + " were";
        caseRecord.append(caseOf(agreementVersionId), CaseEvent.underRule("AGR-07", "familyReachedWithoutEmail",
                emails + " never delivered; the counselor reached the family, who arranged " + how.description()
                        + ": " + note));
    }

    /** Records that the version is still not fully signed at its deadline, and which days count if it is later. */
    @Transactional
    public List<RequiredSigner> recordMissedDeadline(Long agreementVersionId) {
        List<RequiredSigner> unsigned = unsignedSigners(agreementVersionId);
        caseRecord.append(caseOf(agreementVersionId), CaseEvent.underRule("AGR-07", "signatureDeadlinePassed",
                "Signature deadline passed (" + drafting.signatureDeadlineOf(agreementVersionId).rule()
                        + "); unsigned: " + names(unsigned, ", ") + "; " + SIGNED_LATE
                        + "; the principal decides how to proceed")
                .withPolicy(policyCodeOf(agreementVersionId)));
        return unsigned;
    }

    /**
     * The principal keeps waiting until a school day after today (by default the end of the policy's fresh
     * window): the version may be signed until then, and each unsigned family signer gets a working link.
     *
     * @return when the decision comes back if the agreement is still not fully signed
     */
    @Transactional
    public Instant keepWaiting(Long agreementVersionId, String note, LocalDate named) {
        LocalDate today = LocalDate.now(clock);
        LocalDate until = deadlines.waitingDay(today, named, drafting.policyOf(agreementVersionId));
        versions.findById(agreementVersionId).orElseThrow().extendSigningUntil(until);
        recordDecision(agreementVersionId, "keep waiting for the signatures until " + until
                + (named == null ? " (the policy's default)" : "") + ": " + note + ". Each unsigned family signer "
                + "gets a working signing link until then; if still unsigned, the decision comes back after " + until
                + "; " + SIGNED_LATE);
        events.publishEvent(new AgreementSignatureReminderDue(agreementVersionId, unsignedSigners(agreementVersionId)));
        return drafting.signatureDeadlineOf(agreementVersionId).deadlineAt();
    }

    /**
     * The principal has the agreement revised: the revised version goes out with fresh family links and a fresh
     * signing window counted from today.
     *
     * @return the day the revised version's signing window counts from
     */
    @Transactional
    public LocalDate decideToRevise(Long agreementVersionId, String note) {
        LocalDate today = LocalDate.now(clock);
        SignatureDeadline fresh = deadlines.windowFrom(today, drafting.policyOf(agreementVersionId));
        recordDecision(agreementVersionId, "revise the agreement: " + note + ". The revised version goes out with "
                + "fresh family signing links (" + fresh.rule() + "); " + SIGNED_LATE);
        return today;
    }

    /** The principal ends the placement: the student returns to in-person instruction, no day of it counts. */
    @Transactional
    public void decideToEndPlacement(Long agreementVersionId, String note) {
        recordDecision(agreementVersionId, "end the placement: " + note + ". The unsigned agreement is withdrawn, "
                + "the student returns to in-person (classroom) instruction and no independent-study day of this "
                + "placement counts");
    }

    private void recordDecision(Long agreementVersionId, String decision) {
        caseRecord.append(caseOf(agreementVersionId), CaseEvent.underRule("AGR-07", "unsignedAgreementDecided",
                "Principal's decision on the agreement not signed by its deadline: " + decision)
                .withPolicy(policyCodeOf(agreementVersionId)));
    }

    private List<RequiredSigner> unsignedSigners(Long agreementVersionId) {
        return signatures.unsignedSigners(agreementVersionId, LocalDate.now(clock));
    }

    private String policyCodeOf(Long agreementVersionId) {
        return versions.findById(agreementVersionId).orElseThrow().content().policy().policyCode();
    }

    private Long caseOf(Long agreementVersionId) {
        return drafting.agreementOfVersion(agreementVersionId).getCaseId();
    }

    /** How the unsigned parties read on the record (", ") and in the principal's forms (a line each). */
    public static String names(List<RequiredSigner> signers, String separator) {
        return signers.stream().map(s -> s.role().named(s.name())).collect(Collectors.joining(separator));
    }
}
