package org.independentstudy.agreement;

import java.time.LocalDate;

/**
 * Published inside the activation transaction (AGR-09): the case is active from {@code firstDay} under the fully
 * signed {@code content}. Later phases take the supervising teachers and the placement's days from it.
 */
public record AgreementActivated(Long caseId, Long agreementVersionId, LocalDate firstDay, AgreementContent content) {
}
