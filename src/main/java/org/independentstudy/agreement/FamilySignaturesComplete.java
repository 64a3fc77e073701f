package org.independentstudy.agreement;

/** Published inside the signing transaction when the last required family signature of a version is in. */
public record FamilySignaturesComplete(Long agreementVersionId) {
}
