package org.independentstudy.agreement.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.SignatureDeadline;
import org.independentstudy.agreement.SignerRole;
import org.springframework.stereotype.Component;

/**
 * Sends the valid version for signature and sets the deadline timers (AGR-07) and the signing tasks (AGR-06).
 * After a principal's decision to revise, {@code signingWindowFrom} (yyyy-MM-dd) is the day the fresh window
 * counts from.
 */
@Component("sendForSignatures")
class SendForSignatures implements JavaDelegate {

    private final AgreementDrafting drafting;
    private final AgreementSignatures signatures;
    private final Clock clock;

    SendForSignatures(AgreementDrafting drafting, AgreementSignatures signatures, Clock clock) {
        this.drafting = drafting;
        this.signatures = signatures;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long versionId = (Long) execution.getVariable("agreementVersionId");
        Object windowFrom = execution.getVariable(RecordUnsignedAgreementDecision.SIGNING_WINDOW_FROM);
        SignatureDeadline deadline = drafting.sendForSignature(versionId,
                windowFrom == null ? null : LocalDate.parse(windowFrom.toString()));
        execution.setVariable("signatureDeadlineAt", Date.from(deadline.deadlineAt()));
        execution.setVariable("signatureReminderAt", Date.from(deadline.reminderAt()));
        execution.setVariable("specialEducationSignatureRequired",
                signatures.requiredSigners(versionId, LocalDate.now(clock)).stream()
                        .anyMatch(s -> s.role() == SignerRole.SPECIAL_EDUCATION_DESIGNEE));
        execution.setVariable("signatureDeadline", deadline.rule());
    }
}
