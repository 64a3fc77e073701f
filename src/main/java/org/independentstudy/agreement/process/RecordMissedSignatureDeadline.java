package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.SignatureFollowUp;
import org.springframework.stereotype.Component;

/**
 * AGR-07: the deadline (or the day the principal waited until) passed unsigned; what that means for the days
 * goes on the case record, and the principal's decision task shows who has not signed.
 */
@Component("recordMissedSignatureDeadline")
class RecordMissedSignatureDeadline implements JavaDelegate {

    private final SignatureFollowUp followUp;
    private final AgreementDrafting drafting;

    RecordMissedSignatureDeadline(SignatureFollowUp followUp, AgreementDrafting drafting) {
        this.followUp = followUp;
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long versionId = (Long) execution.getVariable("agreementVersionId");
        execution.setVariable("unsignedSigners",
                SignatureFollowUp.names(followUp.recordMissedDeadline(versionId), "\n"));
        execution.setVariable("signatureDeadline", drafting.signatureDeadlineOf(versionId).rule());
    }
}
