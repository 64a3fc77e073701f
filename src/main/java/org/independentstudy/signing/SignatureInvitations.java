package org.independentstudy.signing;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.independentstudy.family.MailOutcome;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails each family signer of an agreement version their personal link. The link and its e-mail are written
 * together, the e-mail into the mail outbox, which tries it until the server takes it: a mail failure never loses
 * the request for a signature. The link records each try's outcome.
 */
@Service
public class SignatureInvitations {

    /** The outbox's purpose for signing e-mails; the reference is the link's id and whether it reminds. */
    static final String MAIL_PURPOSE = "signing-link";

    private final AgreementsForFamilySigning agreements;
    private final SigningLinks links;
    private final InvitationMail mail;

    SignatureInvitations(AgreementsForFamilySigning agreements, SigningLinks links, InvitationMail mail) {
        this.agreements = agreements;
        this.links = links;
        this.mail = mail;
    }

    /** Called after the version's transaction committed: the links and their e-mails in a transaction of their own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void inviteFamilySigners(Long agreementVersionId) {
        SignatureRequest request = agreements.signatureRequest(agreementVersionId);
        links.issue(request).forEach(link -> queue(link, request, false));
    }

    /**
     * AGR-07: each family signer who has not signed is e-mailed a working link: their open one again, or a fresh
     * one where theirs expired. No link a family member may be using is revoked.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void remindFamilySigners(Long agreementVersionId, Set<String> unsignedIdentities) {
        SignatureRequest request = agreements.signatureRequest(agreementVersionId).onlyFor(unsignedIdentities);
        List<SigningLink> open = links.awaitingSignature(agreementVersionId).stream()
                .filter(link -> unsignedIdentities.contains(link.getSignerIdentity())).toList();
        Stream.concat(open.stream(), links.issue(request).stream()).forEach(link -> queue(link, request, true));
    }

    /**
     * What the mail server made of a signing e-mail: the case record says e-mailed only once it took it, and not
     * delivered once it refused the last try.
     */
    @EventListener(condition = "#outcome.isFor('" + MAIL_PURPOSE + "')")
    public void onMailOutcome(MailOutcome outcome) {
        Long linkId = InvitationMail.linkIdOf(outcome.reference());
        boolean reminder = InvitationMail.isReminder(outcome.reference());
        if (outcome.sent()) {
            links.recordSent(linkId, reminder);
        } else if (outcome.settled()) {
            links.recordGivenUp(linkId, reminder, outcome.attempt(), outcome.failure());
        } else {
            links.recordFailed(linkId, outcome.failure());
        }
    }

    private void queue(SigningLink link, SignatureRequest request, boolean reminder) {
        mail.queue(link, links.tokenOf(link), request, reminder);
    }
}
