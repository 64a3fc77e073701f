package org.independentstudy.progress;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * ATT-06: what the data says about a school month of a placement, prefilled for the teacher who judges the four
 * indicators: assignments completed and missed (due in the month, not completed), the days recorded, and the days
 * the attendance register generated (ATT-03).
 */
public record ProgressIndicators(LocalDate monthFirstDay, LocalDate monthLastDay, int assignmentsCompleted,
                                 int assignmentsMissed, int participatoryDays, int nonparticipatoryDays,
                                 BigDecimal registerDays, int missedAssignmentsForEvaluation) {

    /** ATT-07: the policy's number of missed assignments starts the formal evaluation, whatever the judgement. */
    public boolean missedTooMany() {
        return assignmentsMissed >= missedAssignmentsForEvaluation;
    }
}
