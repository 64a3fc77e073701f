package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementDrafting;
import org.springframework.stereotype.Component;

/**
 * AGR-07, AGR-08: the principal decided to revise the agreement not signed by its deadline; the version is
 * withdrawn (signatures kept, family links revoked) and drafting starts again.
 */
@Component("withdrawVersionForRevision")
class WithdrawVersionForRevision implements JavaDelegate {

    private final AgreementDrafting drafting;

    WithdrawVersionForRevision(AgreementDrafting drafting) {
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        drafting.reopenForRevision((Long) execution.getVariable("agreementVersionId"),
                "the principal decided to revise it after its signing deadline passed");
    }
}
