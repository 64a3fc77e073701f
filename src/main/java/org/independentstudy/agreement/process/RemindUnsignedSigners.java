package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.SignatureFollowUp;
import org.springframework.stereotype.Component;

/** AGR-07: before the deadline, reminds whoever has not signed; the principal's escalation task follows. */
@Component("remindUnsignedSigners")
class RemindUnsignedSigners implements JavaDelegate {

    private final SignatureFollowUp followUp;

    RemindUnsignedSigners(SignatureFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long versionId = (Long) execution.getVariable("agreementVersionId");
        execution.setVariable("unsignedSigners",
                SignatureFollowUp.names(followUp.remindUnsignedSigners(versionId), "\n"));
    }
}
