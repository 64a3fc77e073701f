package org.independentstudy.agreement;

import java.time.Instant;
import java.util.Objects;
import org.independentstudy.records.Sha256;

/**
 * How and when a signature was given (AGR-08).
 *
 * @param signedAt   when the signer signed: now for electronic signatures; the time staff state for an in-person
 *                   or paper signature recorded afterwards
 * @param recordedBy username of the staff member who recorded an in-person (its witness) or paper signature
 * @param paperScan  the scan of a paper signature, stored with the signature
 */
public record SignatureGiven(SignatureMethod method, Instant signedAt, String recordedBy, Scan paperScan) {

    public SignatureGiven {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(signedAt, "signedAt");
        if (method.recordedByStaff() != (recordedBy != null)) {
            throw new IllegalArgumentException("in-person and paper signatures, and only they, name who recorded them");
        }
        if ((method == SignatureMethod.PAPER) != (paperScan != null)) {
            throw new IllegalArgumentException("a paper signature, and only a paper signature, has a scan");
        }
    }

    static SignatureGiven electronic(SignatureMethod method, Instant now) {
        return new SignatureGiven(method, now, null, null);
    }

    public static SignatureGiven inPerson(Instant signedAt, String witness) {
        return new SignatureGiven(SignatureMethod.IN_PERSON, signedAt, witness, null);
    }

    public static SignatureGiven onPaper(Instant signedAt, String recordedBy, Scan scan) {
        return new SignatureGiven(SignatureMethod.PAPER, signedAt, recordedBy, scan);
    }

    /** An uploaded scan as received; checked to be a PDF within the size limit before it gets here. */
    public record Scan(String fileName, byte[] content) {

        public Scan {
            Objects.requireNonNull(content, "content");
            content = content.clone();
        }

        String sha256() {
            return Sha256.hex(content);
        }
    }
}
