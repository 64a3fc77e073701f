package org.independentstudy.enrollment;

import java.time.LocalDate;

/**
 * ENR-06: the decided placement type with the counts it was decided on.
 *
 * @param longTermFrom the school day from which the long-term requirements apply: the first day of a placement
 *                     long-term by itself, else the day the student's cumulative count reaches the threshold;
 *                     null for a short-term placement
 */
public record PlacementType(Placement.Program program, boolean longTerm, int projectedSchoolDays,
                            int cumulativeSchoolDaysBefore, LocalDate longTermFrom, String policyCode) {

    public String describe() {
        return (program == Placement.Program.COURSE_BASED ? "course-based, " : "traditional, ")
                + (longTerm ? "long-term from " + longTermFrom : "short-term") + ": " + projectedSchoolDays
                + " projected school days + " + cumulativeSchoolDaysBefore
                + " already used this school year, under " + policyCode;
    }
}
