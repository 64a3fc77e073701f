package org.independentstudy.signing;

import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.independentstudy.errors.MailFailure;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * E-mails each family signer of an agreement version their personal link. The link is recorded before the
 * mail is sent, and a mail the server did not take is tried again later: a mail failure never loses the
 * request for a signature.
 */
@Service
public class SignatureInvitations {

    private static final Logger log = LoggerFactory.getLogger(SignatureInvitations.class);

    private final AgreementsForFamilySigning agreements;
    private final SigningLinks links;
    private final InvitationMail mail;

    SignatureInvitations(AgreementsForFamilySigning agreements, SigningLinks links, InvitationMail mail) {
        this.agreements = agreements;
        this.links = links;
        this.mail = mail;
    }

    public void inviteFamilySigners(Long agreementVersionId) {
        SignatureRequest request = agreements.signatureRequest(agreementVersionId);
        links.issue(request).forEach(link -> deliver(link, request, false));
    }

    /**
     * AGR-07: each family signer who has not signed is e-mailed a working link: their open one again, or a fresh
     * one where theirs expired. No link a family member may be using is revoked.
     */
    public void remindFamilySigners(Long agreementVersionId, Set<String> unsignedIdentities) {
        SignatureRequest request = agreements.signatureRequest(agreementVersionId).onlyFor(unsignedIdentities);
        List<SigningLink> open = links.awaitingSignature(agreementVersionId).stream()
                .filter(link -> unsignedIdentities.contains(link.getSignerIdentity())).toList();
        Stream.concat(open.stream(), links.issue(request).stream()).forEach(link -> deliver(link, request, true));
    }

    @Scheduled(initialDelayString = "${isp.signing.mail-retry-interval:PT10M}",
            fixedDelayString = "${isp.signing.mail-retry-interval:PT10M}")
    public void retryUndelivered() {
        for (SigningLink link : links.undelivered()) {
            deliver(link, agreements.signatureRequest(link.getAgreementVersionId()), false);
        }
    }

    private void deliver(SigningLink link, SignatureRequest request, boolean reminder) {
        try {
            mail.send(link, links.tokenOf(link), request, reminder);
            links.recordSent(link.getId(), reminder);
        } catch (MailException | MessagingException e) {
            log.warn("Signing link {} not delivered to the mail server (will retry): {}", link.getId(),
                    MailFailure.forLog(e));
            links.recordFailed(link.getId(), e.getMessage());
        }
    }
}
