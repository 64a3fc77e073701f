package org.independentstudy.signing;

import org.independentstudy.agreement.AgreementReadyForSignatures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The family's links go out once the version sent for signature is committed. The agreement publishes the
 * event after its commit already; fallbackExecution runs it then, when no transaction is left to wait for.
 */
@Component
class InvitationOnReadyForSignatures {

    private final SignatureInvitations invitations;

    InvitationOnReadyForSignatures(SignatureInvitations invitations) {
        this.invitations = invitations;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void inviteFamily(AgreementReadyForSignatures ready) {
        invitations.inviteFamilySigners(ready.agreementVersionId());
    }
}
