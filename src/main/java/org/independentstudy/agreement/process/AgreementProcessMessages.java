package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.RuntimeService;
import org.independentstudy.agreement.AgreementRevisionRequested;
import org.independentstudy.agreement.AgreementSigningHeld;
import org.independentstudy.agreement.FamilySignaturesComplete;
import org.independentstudy.agreement.FamilySigningLinkUndelivered;
import org.independentstudy.process.ProcessMessages;
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

    static final String FAMILY_SIGNATURES_COMPLETE = "FamilySignaturesComplete";
    static final String REVISION_REQUESTED = "AgreementRevisionRequested";
    static final String SIGNING_HELD = "SigningHeldForConference";
    static final String LINK_UNDELIVERED = "FamilySigningLinkUndelivered";
    /**
     * The signer and the refused address: set on the signature collection's scope, which holds the message's
     * subscription, and copied by each counselor task's input mapping, so that two signers' tasks keep their own.
     */
    static final String UNDELIVERED_SIGNER = "undeliveredSigner";
    static final String UNDELIVERED_EMAIL = "undeliveredEmail";

    private final RuntimeService runtimeService;

    AgreementProcessMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @EventListener
    void familySigned(FamilySignaturesComplete event) {
        correlate(FAMILY_SIGNATURES_COMPLETE, "agreementVersionId", event.agreementVersionId());
    }

    /** AGR-08: the draft goes back to its drafter with who sent it back and why. */
    @EventListener
    void revisionRequested(AgreementRevisionRequested event) {
        ProcessMessages.deliver(runtimeService.createMessageCorrelation(REVISION_REQUESTED)
                .processInstanceVariableEquals(AgreementVariables.VERSION_ID, event.withdrawnVersionId())
                .setVariable(AgreementVariables.DRAFT_RETURNED_BECAUSE, "Sent back for revision by "
                        + event.requestedBy() + ": " + event.reason()));
    }

    /** ENR-02: signing is on hold for the pre-enrollment conference; the process waits for it. */
    @EventListener
    void signingHeld(AgreementSigningHeld event) {
        correlate(SIGNING_HELD, "agreementVersionId", event.heldVersionId());
    }

    /** AGR-07, AGR-08: a family signer's signing e-mail was never delivered; a counselor reaches them. */
    @EventListener
    void linkUndelivered(FamilySigningLinkUndelivered event) {
        ProcessMessages.deliver(runtimeService.createMessageCorrelation(LINK_UNDELIVERED)
                .processInstanceVariableEquals(AgreementVariables.VERSION_ID, event.agreementVersionId())
                .setVariableLocal(UNDELIVERED_SIGNER, event.signer())
                .setVariableLocal(UNDELIVERED_EMAIL, event.email()));
    }

    private void correlate(String message, String variable, Long value) {
        ProcessMessages.deliver(runtimeService.createMessageCorrelation(message)
                .processInstanceVariableEquals(variable, value));
    }
}
