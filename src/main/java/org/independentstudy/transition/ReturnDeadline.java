package org.independentstudy.transition;

import java.time.LocalDate;
import org.independentstudy.calendar.SchoolCalendar;

/**
 * TRN-01: when a student asked back to in-person instruction must be placed there: no later than the fifth
 * instructional day after the request (the request day itself not counted; from a non-school day counting starts
 * with the next school day), for placements at the long-term threshold or more that are not exempt (ENR-11).
 * The principal is warned two instructional days before. Other placements take the same steps without a legal
 * deadline.
 *
 * @param applies  false for short-term and ENR-11 exempt placements: no deadline, no escalation
 * @param warnOn   the third instructional day after the request, when a principal is warned
 * @param lastDay  the fifth instructional day after the request
 */
public record ReturnDeadline(LocalDate requestedOn, boolean applies, LocalDate warnOn, LocalDate lastDay) {

    static final int INSTRUCTIONAL_DAYS = 5;
    static final int WARNING_DAYS_BEFORE = 2;

    public static ReturnDeadline of(SchoolCalendar calendar, LocalDate requestedOn, boolean longTerm,
                                    boolean medicalExemption) {
        if (!longTerm || medicalExemption) {
            return new ReturnDeadline(requestedOn, false, null, null);
        }
        return new ReturnDeadline(requestedOn, true,
                calendar.addSchoolDays(requestedOn, INSTRUCTIONAL_DAYS - WARNING_DAYS_BEFORE),
                calendar.addSchoolDays(requestedOn, INSTRUCTIONAL_DAYS));
    }

    /** How the case record says it. */
    public String describe() {
        return applies ? "the student is placed in in-person instruction by " + lastDay + " (TRN-01, the fifth "
                + "instructional day); the principal is warned on " + warnOn
                : "no legal deadline (short-term or ENR-11 exempt placement); the same steps follow";
    }
}
