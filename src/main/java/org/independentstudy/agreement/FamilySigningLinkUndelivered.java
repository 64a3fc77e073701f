package org.independentstudy.agreement;

/**
 * AGR-07, AGR-08, issue 13.4: the mail server refused a family signer's signing e-mail on its last try, so the
 * signer has no working link by e-mail. Published in the transaction that records it; the written-agreement
 * process gives a counselor the task of reaching the family another way.
 *
 * @param signer the signer as the record names them ({@link SignerRole#named})
 * @param email the address the mail server refused
 */
public record FamilySigningLinkUndelivered(Long agreementVersionId, String signer, String email) {
}
