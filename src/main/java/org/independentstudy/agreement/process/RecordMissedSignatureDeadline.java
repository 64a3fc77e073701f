package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.SignatureFollowUp;
import org.springframework.stereotype.Component;

/** AGR-07: the deadline passed unsigned; what that means for the placement goes on the case record. */
@Component("recordMissedSignatureDeadline")
class RecordMissedSignatureDeadline implements JavaDelegate {

    private final SignatureFollowUp followUp;

    RecordMissedSignatureDeadline(SignatureFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUp.recordMissedDeadline((Long) execution.getVariable("agreementVersionId"));
    }
}
