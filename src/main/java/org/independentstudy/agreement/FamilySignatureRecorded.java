package org.independentstudy.agreement;

/**
 * Published inside the signing transaction for each family signature, however given: the signer's open links to
 * the version stop working (AGR-08, one signature per signer).
 */
public record FamilySignatureRecorded(Long agreementVersionId, String signerIdentity, SignatureMethod method) {
}
