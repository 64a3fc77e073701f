package org.independentstudy.agreement;

/**
 * Published inside the transaction that withdrew a version out for signature (a revision, AGR-08, or a
 * placement ended unsigned, AGR-07): its family signing links stop working in that same transaction.
 */
public record AgreementVersionWithdrawn(Long agreementVersionId) {
}
