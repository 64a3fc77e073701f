package org.independentstudy.agreement;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * AGR-06, AGR-08: the scan of a family member's paper signature of one agreement version, kept as uploaded with
 * its own SHA-256 (the signature it evidences carries the version's).
 */
@Entity
@Immutable
@Table(name = "paper_signature_scan")
public class PaperSignatureScan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long agreementVersionId;
    private String fileName;
    private long sizeBytes;
    private String sha256;
    @JdbcTypeCode(SqlTypes.VARBINARY)
    private byte[] content;
    private Instant uploadedAt;
    private String uploadedBy;

    protected PaperSignatureScan() {
    }

    PaperSignatureScan(Long agreementVersionId, String fileName, byte[] content, String sha256, Instant uploadedAt,
                       String uploadedBy) {
        this.agreementVersionId = agreementVersionId;
        this.fileName = fileName;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.uploadedAt = uploadedAt;
        this.uploadedBy = uploadedBy;
    }

    public Long getId() {
        return id;
    }

    public Long getAgreementVersionId() {
        return agreementVersionId;
    }

    public String getFileName() {
        return fileName;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }
}
