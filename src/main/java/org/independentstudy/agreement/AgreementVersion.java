package org.independentstudy.agreement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of an agreement's text: the exact content rendered and signed (AGR-08). Its content never
 * changes; an edit is a new version and this one becomes SUPERSEDED, keeping its signatures.
 */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion {

    public enum Status { DRAFT, SENT_FOR_SIGNATURE, FULLY_SIGNED, SUPERSEDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agreementId;
    private int versionNumber;
    private String content;
    private String contentSha256;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Status status;
    private Instant createdAt;
    private String createdBy;
    private Instant sentAt;
    private Instant fullySignedAt;
    private int signatureCount;
    /** AGR-07: after a principal's decision to revise, the day this version's signing window counts from. */
    private LocalDate signingWindowFrom;
    /** AGR-07: the school day a principal keeps waiting until for this version's signatures. */
    private LocalDate signingExtendedUntil;
    /** Every signature bumps it, so two signers deciding "fully signed?" at once cannot both miss the other. */
    @Version
    private long lockVersion;
    /** {@link #content} read, once: it never changes. */
    @Transient
    private AgreementContent parsedContent;

    protected AgreementVersion() {
    }

    AgreementVersion(Long agreementId, int versionNumber, CanonicalContent content, Instant createdAt,
                     String createdBy) {
        this.agreementId = agreementId;
        this.versionNumber = versionNumber;
        this.content = content.json();
        this.contentSha256 = content.sha256();
        this.status = Status.DRAFT;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void sendForSignature(Instant at, LocalDate windowFrom) {
        requireOpen();
        status = Status.SENT_FOR_SIGNATURE;
        sentAt = at;
        signingWindowFrom = windowFrom;
    }

    void extendSigningUntil(LocalDate day) {
        signingExtendedUntil = day;
    }

    void supersede() {
        status = Status.SUPERSEDED;
    }

    void countSignature() {
        signatureCount++;
    }

    void markFullySigned(Instant at) {
        status = Status.FULLY_SIGNED;
        fullySignedAt = at;
    }

    private void requireOpen() {
        if (status == Status.SUPERSEDED || status == Status.FULLY_SIGNED) {
            throw new IllegalStateException("Agreement version " + id + " is " + status);
        }
    }

    public boolean isSuperseded() {
        return status == Status.SUPERSEDED;
    }

    public AgreementContent content() {
        if (parsedContent == null) {
            parsedContent = CanonicalContent.read(content);
        }
        return parsedContent;
    }

    public Long getId() {
        return id;
    }

    public Long getAgreementId() {
        return agreementId;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    /** When it went out for signature; nobody can have signed it before (AGR-08). */
    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getFullySignedAt() {
        return fullySignedAt;
    }

    public int getSignatureCount() {
        return signatureCount;
    }

    LocalDate getSigningWindowFrom() {
        return signingWindowFrom;
    }

    LocalDate getSigningExtendedUntil() {
        return signingExtendedUntil;
    }
}
