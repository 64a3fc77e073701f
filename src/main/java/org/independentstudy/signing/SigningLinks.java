package org.independentstudy.signing;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.independentstudy.agreement.FamilySigningLinkUndelivered;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.signing.AgreementsForFamilySigning.FamilySigner;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, finds and supersedes family signing links, and records their e-mail delivery. Writes run in their
 * own transaction: invitations go out after the agreement's transaction has committed.
 */
@Service
class SigningLinks {

    private final SigningLinkRepository repository;
    private final LinkTokens tokens;
    private final SigningProperties properties;
    private final DistrictProperties district;
    private final CaseRecord caseRecord;
    private final InvitationMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SigningLinks(SigningLinkRepository repository, LinkTokens tokens, SigningProperties properties,
                 DistrictProperties district, CaseRecord caseRecord, InvitationMail mail,
                 ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.tokens = tokens;
        this.properties = properties;
        this.district = district;
        this.caseRecord = caseRecord;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A link for each family signer of the version who has no working one (none yet, or theirs expired, AGR-07);
     * the unused links of the agreement's earlier versions stop working (AGR-08: a changed agreement is signed
     * again).
     */
    @Transactional
    public List<SigningLink> issue(SignatureRequest request) {
        repository.openForOtherVersions(request.agreementId(), request.agreementVersionId())
                .forEach(this::supersede);
        Instant now = clock.instant();
        Instant expiry = SigningLink.expiryOf(now, properties.linkValidity(), request.lastDayOfLinks(),
                district.timeZone());
        List<SigningLink> issued = new ArrayList<>();
        if (!expiry.isAfter(now)) {
            // AGR-07: the signing window closed; a principal's decision opens a new one
            return issued;
        }
        for (FamilySigner signer : request.familySigners()) {
            if (repository.hasLiveLink(request.agreementVersionId(), signer.identity(), now)) {
                continue;
            }
            if (signer.email() == null || signer.email().isBlank()) {
                caseRecord.append(request.caseId(), CaseEvent.underRule("AGR-08", "signingLinkNotSent",
                        SignerRole.valueOf(signer.role()).named(signer.name()) + " has no e-mail address: no signing "
                                + "link for agreement version " + request.agreementVersionId()
                                + "; staff record the signature in person or on paper"));
                continue;
            }
            issued.add(repository.save(new SigningLink(request, signer, now, expiry, tokens)));
        }
        return issued;
    }

    /**
     * AGR-08: the signer's signature is on record, given some other way (in person, on paper): their unused link
     * stops working. Runs in the signing transaction.
     */
    @Transactional
    public void withdrawOpenLinks(Long agreementVersionId, String signerIdentity, String howSigned) {
        for (SigningLink link : repository.openLinksOf(agreementVersionId, signerIdentity)) {
            supersede(link);
            caseRecord.append(link.getCaseId(), CaseEvent.underRule("AGR-08", "signingLinkWithdrawn",
                    "Signing link of " + signerOf(link) + " for agreement version "
                            + agreementVersionId + " withdrawn: signed " + howSigned));
        }
    }

    @Transactional(readOnly = true)
    public Optional<SigningLink> find(String token) {
        return tokens.isAuthentic(token) ? repository.findByTokenHash(LinkTokens.hash(token)) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public SigningLink get(Long linkId) {
        return repository.findById(linkId).orElseThrow();
    }

    String tokenOf(SigningLink link) {
        return link.token(tokens);
    }

    @Transactional(readOnly = true)
    public List<SigningLink> awaitingSignature(Long agreementVersionId) {
        return repository.awaitingSignature(agreementVersionId, clock.instant());
    }

    /** The mail server took the message: only now does the case record say it was e-mailed. */
    @Transactional
    public void recordSent(Long linkId, boolean reminder) {
        SigningLink link = get(linkId);
        link.deliveryAttempted();
        link.delivered(clock.instant());
        String validUntil = DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(link.getExpiresAt().atZone(district.timeZone()).toLocalDateTime());
        CaseEvent sent = reminder
                ? CaseEvent.underRule("AGR-07", "signingReminderSent", "Reminder to sign agreement version "
                        + link.getAgreementVersionId() + " e-mailed to " + recipientOf(link) + ", with a signing "
                        + "link valid until " + validUntil)
                : CaseEvent.underRule("AGR-08", "signingLinkSent", "Signing link for agreement version "
                        + link.getAgreementVersionId() + " e-mailed to " + recipientOf(link) + ", valid until "
                        + validUntil);
        caseRecord.append(link.getCaseId(), sent);
    }

    @Transactional
    public void recordFailed(Long linkId, String error) {
        SigningLink link = get(linkId);
        link.deliveryAttempted();
        link.deliveryFailed(error);
    }

    /**
     * The mail server refused the link's e-mail on its last try: the record says so, and while the link is still
     * the signer's way to sign, the written-agreement process hands the signer to a counselor (AGR-07, AGR-08).
     */
    @Transactional
    public void recordGivenUp(Long linkId, boolean reminder, int tries, String error) {
        recordFailed(linkId, error);
        SigningLink link = get(linkId);
        boolean stillNeeded = link.stateAt(clock.instant()) == LinkState.OPEN;
        caseRecord.append(link.getCaseId(), CaseEvent.underRule(reminder ? "AGR-07" : "AGR-08",
                "signingLinkUndelivered", (reminder ? "Reminder to sign" : "Signing link for") + " agreement version "
                        + link.getAgreementVersionId() + " not delivered to " + recipientOf(link)
                        + ": the mail server refused it " + tries + " times"
                        + (stillNeeded ? "" : "; the link is no longer needed")));
        if (stillNeeded) {
            events.publishEvent(new FamilySigningLinkUndelivered(link.getAgreementVersionId(), signerOf(link),
                    link.getEmail()));
        }
    }

    /** The version was withdrawn (AGR-07, AGR-08): its unused links stop working in the same transaction. */
    @Transactional
    public void revoke(Long agreementVersionId) {
        repository.unusedOfVersion(agreementVersionId).forEach(this::supersede);
    }

    /** The link stops working, and so do its e-mails not yet sent: nobody is sent a link that leads nowhere. */
    private void supersede(SigningLink link) {
        link.supersede();
        mail.withdraw(link);
    }

    private static String recipientOf(SigningLink link) {
        return signerOf(link) + " at " + link.getEmail();
    }

    private static String signerOf(SigningLink link) {
        return SignerRole.valueOf(link.getSignerRole()).named(link.getSignerName());
    }
}
