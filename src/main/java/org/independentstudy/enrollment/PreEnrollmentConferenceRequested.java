package org.independentstudy.enrollment;

import java.time.LocalDate;

/**
 * ENR-02: the parent asked for a pre-enrollment conference (at intake or later); published in the transaction
 * that recorded it, so that the case process starts the conference steps when it commits.
 *
 * @param schedulingSchoolDays school days to schedule it in, under the policy in force on the request date
 */
public record PreEnrollmentConferenceRequested(Long caseId, LocalDate requestedOn, boolean advocateRequested,
                                               int schedulingSchoolDays) {
}
