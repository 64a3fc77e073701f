package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.independentstudy.agreement.AgreementRevisionRequested;
import org.independentstudy.agreement.FamilySignaturesComplete;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Tells the written-agreement process what the domain decided, inside the same transaction: a lost race with
 * another signature surfaces as Spring's {@link OptimisticLockingFailureException}, so the signing is retried
 * and nothing is lost.
 */
@Component
class AgreementProcessMessages {

    static final String FAMILY_SIGNATURES_COMPLETE = "familySignaturesComplete";
    static final String REVISION_REQUESTED = "agreementRevisionRequested";

    private final RuntimeService runtimeService;

    AgreementProcessMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void familySigned(FamilySignaturesComplete event) {
        correlate(FAMILY_SIGNATURES_COMPLETE, "agreementVersionId", event.agreementVersionId());
    }

    @EventListener
    void revisionRequested(AgreementRevisionRequested event) {
        correlate(REVISION_REQUESTED, "agreementVersionId", event.withdrawnVersionId());
    }

    /** No waiting process (an agreement handled outside the process, e.g. in tests) is not an error. */
    private void correlate(String message, String variable, Long value) {
        try {
            runtimeService.createMessageCorrelation(message).processInstanceVariableEquals(variable, value)
                    .correlateAllWithResult();
        } catch (OptimisticLockingException e) {
            throw new OptimisticLockingFailureException("The agreement process moved on concurrently", e);
        }
    }
}
