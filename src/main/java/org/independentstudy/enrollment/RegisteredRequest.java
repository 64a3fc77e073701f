package org.independentstudy.enrollment;

import java.time.LocalDate;

/** What the case process routes on after the request is registered (ids and plain values only). */
public record RegisteredRequest(Long caseId, LocalDate requestDate, boolean conferenceRequested,
                                boolean studentHasIep, int conferenceSchedulingSchoolDays) {
}
