package org.independentstudy.agreement;

/**
 * ENR-02: published inside the transaction that withdrew a version out for signature because the parent asked for a
 * pre-enrollment conference: the family's links stop working and the process waits for the conference.
 */
public record AgreementSigningHeld(Long caseId, Long heldVersionId) {
}
