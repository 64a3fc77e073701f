package org.independentstudy.signing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.independentstudy.signing.AgreementsForFamilySigning.FamilySigner;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;

/** One family signer's personal, single-use link to sign one agreement version (AGR-08). */
@Entity
@Table(name = "signing_link")
class SigningLink {

    private static final int MAX_ERROR_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String tokenHash;
    private Long caseId;
    private Long agreementId;
    private Long agreementVersionId;
    private String signerRole;
    private String signerIdentity;
    private String signerName;
    private String email;
    private Instant issuedAt;
    private Instant expiresAt;
    private boolean superseded;
    private Instant usedAt;
    private String typedSignature;
    private String clientAddress;
    private String userAgent;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus deliveryStatus;
    private int deliveryAttempts;
    private String deliveryError;
    private Instant deliveredAt;

    protected SigningLink() {
    }

    SigningLink(SignatureRequest request, FamilySigner signer, Instant issuedAt, Instant expiresAt,
                LinkTokens tokens) {
        this.caseId = request.caseId();
        this.agreementId = request.agreementId();
        this.agreementVersionId = request.agreementVersionId();
        this.signerRole = signer.role();
        this.signerIdentity = signer.identity();
        this.signerName = signer.name();
        this.email = signer.email();
        // whole seconds: the token is recomputed from the stored row, whose timestamps may be less precise
        this.issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        this.expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        this.deliveryStatus = DeliveryStatus.PENDING;
        this.tokenHash = LinkTokens.hash(token(tokens));
    }

    /**
     * A link is valid for the configured period, and never after the signing deadline's last day in the
     * district's time zone (AGR-07): it expires at the first instant it is no longer valid.
     */
    static Instant expiryOf(Instant issuedAt, Duration validity, Optional<LocalDate> deadline, ZoneId zone) {
        Instant byValidity = issuedAt.plus(validity);
        return deadline.map(last -> last.plusDays(1).atStartOfDay(zone).toInstant())
                .filter(byDeadline -> byDeadline.isBefore(byValidity))
                .orElse(byValidity);
    }

    String token(LinkTokens tokens) {
        return tokens.tokenFor(List.of(String.valueOf(agreementVersionId), signerRole, signerIdentity, email,
                String.valueOf(issuedAt.getEpochSecond()), String.valueOf(expiresAt.getEpochSecond())));
    }

    LinkState stateAt(Instant now) {
        if (usedAt != null) {
            return LinkState.USED;
        }
        if (superseded) {
            return LinkState.SUPERSEDED;
        }
        return now.isBefore(expiresAt) ? LinkState.OPEN : LinkState.EXPIRED;
    }

    void supersede() {
        this.superseded = true;
    }

    /** The agreement no longer asks this signer: the use is undone and the link stops working. */
    void withdraw() {
        this.usedAt = null;
        this.typedSignature = null;
        supersede();
    }

    void deliveryAttempted() {
        this.deliveryAttempts++;
    }

    void delivered(Instant at) {
        this.deliveryStatus = DeliveryStatus.SENT;
        this.deliveredAt = at;
        this.deliveryError = null;
    }

    void deliveryFailed(String error) {
        this.deliveryStatus = DeliveryStatus.FAILED;
        this.deliveryError = error == null || error.length() <= MAX_ERROR_LENGTH ? error
                : error.substring(0, MAX_ERROR_LENGTH);
    }

    Long getId() {
        return id;
    }

    Long getCaseId() {
        return caseId;
    }

    Long getAgreementVersionId() {
        return agreementVersionId;
    }

    String getSignerRole() {
        return signerRole;
    }

    String getSignerIdentity() {
        return signerIdentity;
    }

    String getSignerName() {
        return signerName;
    }

    String getEmail() {
        return email;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getUsedAt() {
        return usedAt;
    }

    String getTypedSignature() {
        return typedSignature;
    }

    DeliveryStatus getDeliveryStatus() {
        return deliveryStatus;
    }

    int getDeliveryAttempts() {
        return deliveryAttempts;
    }
}
