package org.independentstudy.agreement;

/** Published inside the transaction that withdrew a version for revision (AGR-08): drafting starts again. */
public record AgreementRevisionRequested(Long caseId, Long withdrawnVersionId) {
}
