package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.agreement.SignatureFollowUp;
import org.springframework.stereotype.Component;

/** AGR-07: the principal's follow-up of an unsigned agreement, from the escalation task's form, on the record. */
@Component("recordPrincipalFollowUp")
class RecordPrincipalFollowUp implements TaskListener {

    private final SignatureFollowUp followUp;

    RecordPrincipalFollowUp(SignatureFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        Object note = task.getVariable("escalationNote");
        if (note == null || note.toString().isBlank()) {
            // the form requires it; a completion through the API without it is refused, not recorded as "null"
            throw new IllegalArgumentException("escalationNote: say what you did about the unsigned agreement");
        }
        followUp.recordPrincipalFollowUp((Long) task.getVariable("agreementVersionId"), note.toString().strip());
    }
}
