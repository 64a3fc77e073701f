package org.independentstudy.enrollment;

import java.time.LocalDate;

/**
 * The placement a case was enrolled for, as the later phases (agreement, progress, re-engagement, transition)
 * read it. Decided in pre-enrollment; changed only by a supplemental agreement (AGR-12).
 *
 * @param program                        traditional or course-based (ENR-06)
 * @param longTerm                       at or above the long-term threshold of the policy in force, counting the
 *                                       student's cumulative independent-study days of the school year (ENR-06)
 * @param projectedSchoolDays            school days from start to projected end, both inclusive
 * @param cumulativeSchoolDaysBefore     independent-study school days the student already used this school year
 * @param policyCode                     the district policy version the placement was decided under
 * @param medicalExemption               ENR-11: exempt from ATT-02, REE and TRN-01
 * @param section504PlanReference        ENR-04, null when the student has no 504 plan
 * @param suspendedOrExpelledReferral    ENR-05: referred under EC 48915 or 48917
 * @param classroomAlternativeOffered    ENR-05: the classroom-instruction alternative was offered and recorded
 */
public record Placement(Long caseId, Long studentId, Program program, boolean longTerm, LocalDate startDate,
                        LocalDate projectedEndDate, int projectedSchoolDays, int cumulativeSchoolDaysBefore,
                        String policyCode, boolean medicalExemption, String section504PlanReference,
                        boolean suspendedOrExpelledReferral, boolean classroomAlternativeOffered) {

    public enum Program { TRADITIONAL, COURSE_BASED }

    public boolean courseBased() {
        return program == Program.COURSE_BASED;
    }
}
