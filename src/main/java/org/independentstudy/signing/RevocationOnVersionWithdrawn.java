package org.independentstudy.signing;

import org.independentstudy.agreement.AgreementVersionWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A withdrawn version (revised, or the placement ended unsigned) takes its family links with it, at once. */
@Component
class RevocationOnVersionWithdrawn {

    private final SigningLinks links;

    RevocationOnVersionWithdrawn(SigningLinks links) {
        this.links = links;
    }

    @EventListener
    void revokeLinks(AgreementVersionWithdrawn withdrawn) {
        links.revoke(withdrawn.agreementVersionId());
    }
}
