package org.independentstudy.signing;

import java.util.Set;
import java.util.stream.Collectors;
import org.independentstudy.agreement.AgreementSignatureReminderDue;
import org.independentstudy.agreement.RequiredSigner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** AGR-07: when the agreement's reminder timer fires, unsigned family signers are e-mailed their link again. */
@Component
class ReminderOnSignatureReminderDue {

    private final SignatureInvitations invitations;

    ReminderOnSignatureReminderDue(SignatureInvitations invitations) {
        this.invitations = invitations;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void remindFamily(AgreementSignatureReminderDue due) {
        Set<String> unsigned = due.unsignedSigners().stream().filter(s -> s.role().isFamily())
                .map(RequiredSigner::identity).collect(Collectors.toSet());
        invitations.remindFamilySigners(due.agreementVersionId(), unsigned);
    }
}
