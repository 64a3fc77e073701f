package org.independentstudy.signing;

import jakarta.mail.MessagingException;
import java.util.Set;
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
        links.issue(request).forEach(link -> deliver(link, request));
    }

    /** AGR-07: before the deadline, each family signer who has not signed gets their link again. */
    public void remindFamilySigners(Long agreementVersionId, Set<String> unsignedIdentities) {
        SignatureRequest request = agreements.signatureRequest(agreementVersionId);
        links.awaitingSignature(agreementVersionId).stream()
                .filter(link -> unsignedIdentities.contains(link.getSignerIdentity()))
                .forEach(link -> {
                    try {
                        mail.send(link, links.tokenOf(link), request, true);
                        links.recordReminded(link.getId());
                    } catch (MailException | MessagingException e) {
                        log.warn("Reminder for signing link {} not delivered: {}", link.getId(), e.getMessage());
                    }
                });
    }

    @Scheduled(initialDelayString = "${isp.signing.mail-retry-interval:PT10M}",
            fixedDelayString = "${isp.signing.mail-retry-interval:PT10M}")
    public void retryUndelivered() {
        for (SigningLink link : links.undelivered()) {
            deliver(link, agreements.signatureRequest(link.getAgreementVersionId()));
        }
    }

    private void deliver(SigningLink link, SignatureRequest request) {
        try {
            mail.send(link, links.tokenOf(link), request, false);
            links.recordSent(link.getId());
        } catch (MailException | MessagingException e) {
            log.warn("Signing link {} not delivered to the mail server (will retry): {}", link.getId(),
                    e.getMessage());
            links.recordFailed(link.getId(), e.getMessage());
        }
    }
}
