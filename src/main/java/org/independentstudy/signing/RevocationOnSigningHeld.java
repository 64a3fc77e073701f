package org.independentstudy.signing;

import org.independentstudy.agreement.AgreementSigningHeld;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** ENR-02: signing put on hold for a pre-enrollment conference revokes the family's links at once. */
@Component
class RevocationOnSigningHeld {

    private final SigningLinks links;

    RevocationOnSigningHeld(SigningLinks links) {
        this.links = links;
    }

    @EventListener
    void revokeLinks(AgreementSigningHeld held) {
        links.revokeForConference(held.caseId(), held.heldVersionId());
    }
}
