package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementDrafting;
import org.springframework.stereotype.Component;

/** AGR-07: the principal ended the placement; the unsigned version is withdrawn and its family links revoked. */
@Component("withdrawUnsignedAgreement")
class WithdrawUnsignedAgreement implements JavaDelegate {

    private final AgreementDrafting drafting;

    WithdrawUnsignedAgreement(AgreementDrafting drafting) {
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        drafting.withdrawUnsigned((Long) execution.getVariable("agreementVersionId"));
    }
}
