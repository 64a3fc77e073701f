package org.independentstudy.agreement;

/**
 * Published (as a Spring application event) after the transaction that sent an agreement version for
 * signature commits. Listeners send the family their signing links: whom to e-mail is
 * {@link AgreementSignatures#requiredSigners(Long, java.time.LocalDate)}, filtered on {@link SignerRole#isFamily()}.
 */
public record AgreementReadyForSignatures(Long agreementVersionId) {
}
