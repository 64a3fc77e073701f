package org.independentstudy.agreement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** AGR-08: one electronic signature: signer, role, time, method and the fingerprint of the version signed. */
@Entity
@Immutable
@Table(name = "agreement_signature")
public class AgreementSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agreementVersionId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private SignerRole signerRole;
    private String signerIdentity;
    private String signerName;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private SignatureMethod method;
    private Instant signedAt;
    private String contentSha256;
    /** AGR-06: the staff member who recorded an in-person (as its witness) or paper signature, and when. */
    private String recordedBy;
    private String recordedByName;
    private Instant recordedAt;
    private Long paperScanId;

    protected AgreementSignature() {
    }

    AgreementSignature(AgreementVersion version, SignerRole role, String identity, String name,
                       SignatureGiven given, String recordedByName, Instant recordedAt, PaperSignatureScan scan) {
        this.agreementVersionId = version.getId();
        this.signerRole = role;
        this.signerIdentity = identity;
        this.signerName = name;
        this.method = given.method();
        this.signedAt = given.signedAt();
        this.contentSha256 = version.getContentSha256();
        if (given.method().recordedByStaff()) {
            this.recordedBy = given.recordedBy();
            this.recordedByName = recordedByName;
            this.recordedAt = recordedAt;
        }
        this.paperScanId = scan == null ? null : scan.getId();
    }

    /** The method in words, with the staff member who witnessed or recorded it: the record and the print say it. */
    public String howSigned() {
        return switch (method) {
            case IN_PERSON -> method.label() + ", witnessed by " + recordedByName;
            case PAPER -> method.label() + ", recorded by " + recordedByName;
            case EMAIL_LINK, TASKLIST -> method.label();
        };
    }

    public Long getId() {
        return id;
    }

    public Long getAgreementVersionId() {
        return agreementVersionId;
    }

    public SignerRole getSignerRole() {
        return signerRole;
    }

    public String getSignerIdentity() {
        return signerIdentity;
    }

    public String getSignerName() {
        return signerName;
    }

    public SignatureMethod getMethod() {
        return method;
    }

    public Instant getSignedAt() {
        return signedAt;
    }

    public String getContentSha256() {
        return contentSha256;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getRecordedByName() {
        return recordedByName;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Long getPaperScanId() {
        return paperScanId;
    }
}
