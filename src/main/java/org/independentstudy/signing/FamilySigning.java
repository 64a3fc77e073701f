package org.independentstudy.signing;

import java.time.Clock;
import java.util.Optional;
import org.independentstudy.signing.AgreementsForFamilySigning.LinkSignatureOutcome;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A family member signs an agreement version through their personal link (AGR-06, AGR-08, AGR-09). */
@Service
class FamilySigning {

    /** Another signer of the same version at the same moment makes one attempt lose; it is tried again. */
    private static final int ATTEMPTS = 5;

    private final SigningLinkRepository links;
    private final AgreementsForFamilySigning agreements;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FamilySigning(SigningLinkRepository links, AgreementsForFamilySigning agreements,
                  PlatformTransactionManager transactionManager, Clock clock) {
        this.links = links;
        this.agreements = agreements;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What the person at the browser typed and where they signed from, kept with the link as evidence. */
    record SignatureEvidence(String typedSignature, String clientAddress, String userAgent) {
    }

    /**
     * Uses the link and records the signature in one transaction; empty when the link was used, superseded or
     * expired in the meantime (AGR-08: the same link submitted twice signs once), or when the agreement no
     * longer asks this signer (then the link stops working).
     */
    public Optional<SigningLink> sign(Long linkId, SignatureEvidence evidence) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> signOnce(linkId, evidence));
            } catch (ConcurrencyFailureException e) {
                // another signature of this version committed first: nothing of this attempt was kept
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Optional<SigningLink> signOnce(Long linkId, SignatureEvidence evidence) {
        if (links.use(linkId, clock.instant(), evidence.typedSignature(), evidence.clientAddress(),
                evidence.userAgent()) == 0) {
            return Optional.empty();
        }
        SigningLink link = links.findById(linkId).orElseThrow();
        // the agreement puts the signature on the case record, with the family member as its actor
        LinkSignatureOutcome outcome = ActingFamilyMember.call(link.getSignerIdentity(), () -> agreements.signByLink(
                link.getAgreementVersionId(), link.getSignerRole(), link.getSignerIdentity()));
        if (outcome == LinkSignatureOutcome.NO_LONGER_REQUESTED) {
            link.withdraw();
        }
        return outcome == LinkSignatureOutcome.SIGNED ? Optional.of(link) : Optional.empty();
    }
}
