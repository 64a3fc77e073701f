package org.independentstudy.agreement;

/**
 * Published inside the transaction that withdrew a version for revision (AGR-08): drafting starts again, and the
 * drafter is told who sent it back and why.
 */
public record AgreementRevisionRequested(Long caseId, Long withdrawnVersionId, String requestedBy, String reason) {
}
