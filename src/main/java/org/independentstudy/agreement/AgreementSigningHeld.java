package org.independentstudy.agreement;

/**
 * ENR-02: published inside the transaction that withdrew a version out for signature because the parent asked for a
 * pre-enrollment conference (its links go with {@link AgreementVersionWithdrawn}): the process waits for it.
 */
public record AgreementSigningHeld(Long caseId, Long heldVersionId) {
}
