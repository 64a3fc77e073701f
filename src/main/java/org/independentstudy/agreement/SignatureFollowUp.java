package org.independentstudy.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** AGR-07: what happens when signatures are late: reminders before the deadline, and the record at it. */
@Service
public class SignatureFollowUp {

    private final AgreementDrafting drafting;
    private final AgreementSignatures signatures;
    private final AgreementVersionRepository versions;
    private final CaseRecord caseRecord;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignatureFollowUp(AgreementDrafting drafting, AgreementSignatures signatures, AgreementVersionRepository versions,
                      CaseRecord caseRecord, ApplicationEventPublisher events, Clock clock) {
        this.drafting = drafting;
        this.signatures = signatures;
        this.versions = versions;
        this.caseRecord = caseRecord;
        this.events = events;
        this.clock = clock;
    }

    /** Reminds the unsigned parties (their links go out again) and records it; the principal is asked next. */
    @Transactional
    public List<RequiredSigner> remindUnsignedSigners(Long agreementVersionId) {
        List<RequiredSigner> unsigned = signatures.unsignedSigners(agreementVersionId, LocalDate.now(clock));
        SignatureDeadline deadline = drafting.signatureDeadlineOf(agreementVersionId);
        caseRecord.append(caseOf(agreementVersionId), CaseEvent.underRule("AGR-07", "signatureReminderSent",
                "Signature deadline approaching (" + deadline.rule() + "); reminded: " + names(unsigned)
                        + "; escalated to the principal"));
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

    /** Records on the case what the passed deadline means for the placement. */
    @Transactional
    public void recordMissedDeadline(Long agreementVersionId) {
        AgreementContent content = versions.findById(agreementVersionId).orElseThrow().content();
        String consequence = content.longTerm()
                ? "the planned first day " + content.startDate() + " came without a fully signed agreement: "
                        + "independent study does not begin until the last signature, and no day before it counts"
                : "the short-term agreement is not signed in time: independent-study days of this placement "
                        + "cannot be counted until it is fully signed, and the principal decides how to proceed";
        caseRecord.append(caseOf(agreementVersionId), CaseEvent.underRule("AGR-07", "signatureDeadlinePassed",
                "Signature deadline passed; unsigned: "
                        + names(signatures.unsignedSigners(agreementVersionId, LocalDate.now(clock)))
                        + "; " + consequence).withPolicy(content.policy().policyCode()));
    }

    private Long caseOf(Long agreementVersionId) {
        return drafting.agreementOfVersion(agreementVersionId).getCaseId();
    }

    private static String names(List<RequiredSigner> signers) {
        return signers.stream().map(s -> s.name() + " (" + s.role() + ")").collect(Collectors.joining(", "));
    }
}
