package org.independentstudy.signing;

import org.independentstudy.agreement.FamilySignatureRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** AGR-08: one signature per signer; once a family member's signature is on record, their open link ends with it. */
@Component
class LinkWithdrawalOnFamilySignature {

    private final SigningLinks links;

    LinkWithdrawalOnFamilySignature(SigningLinks links) {
        this.links = links;
    }

    @EventListener
    void withdrawLinks(FamilySignatureRecorded signed) {
        links.withdrawOpenLinks(signed.agreementVersionId(), signed.signerIdentity(), signed.method().label());
    }
}
