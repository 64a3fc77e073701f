package org.independentstudy.enrollment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolYear;
import org.independentstudy.calendar.Semester;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;
import org.independentstudy.people.Student;
import org.independentstudy.policy.DistrictPolicy;

/** The eligibility decisions of pre-enrollment, as plain functions of the facts; each says which rule refuses. */
final class EligibilityRules {

    private EligibilityRules() {
    }

    // ENR-07: at least the policy's minimum of consecutive school days (none under current law)
    static Optional<Refusal> minimumLength(DistrictPolicy policy, int projectedSchoolDays) {
        if (projectedSchoolDays >= policy.getMinimumPlacementDays()) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("ENR-07", "A placement of " + projectedSchoolDays
                + " school days is shorter than the minimum of " + policy.getMinimumPlacementDays()
                + " consecutive school days under " + policy.getCode()));
    }

    // ENR-05: a suspended or expelled student is placed only when classroom instruction was offered instead
    static Optional<Refusal> suspensionReferral(SuspensionReferral referral, boolean classroomAlternativeOffered) {
        if (referral == SuspensionReferral.NONE || classroomAlternativeOffered) {
            return Optional.empty();
        }
        return Optional.of(new Refusal("ENR-05", "Referred under " + label(referral)
                + " without a recorded offer of classroom instruction as an alternative"));
    }

    // ENR-08: no course-based placement before the semester after the student left one (disenrolled or returned)
    static Optional<Refusal> semesterLock(SchoolCalendar calendar, Placement.Program program, LocalDate start,
                                          List<Enrollment> earlier) {
        if (program != Placement.Program.COURSE_BASED) {
            return Optional.empty();
        }
        SchoolYear year = calendar.schoolYearOf(start);
        for (Enrollment placement : earlier) {
            LocalDate left = placement.getEndedOn();
            // a disenrollment of an earlier school year is always before "the following semester"
            if (placement.leftCourseBased() && !left.isBefore(year.firstDay())
                    && !left.isAfter(start)) {
                Semester semester = calendar.semesterOf(left);
                if (!start.isAfter(semester.lastDay())) {
                    return Optional.of(new Refusal("ENR-08", "The student disenrolled from course-based independent "
                            + "study on " + left + " and may re-enroll in it from the semester after "
                            + semester.schoolYear() + " semester " + semester.number() + " (ends " + semester.lastDay()
                            + ")"));
                }
            }
        }
        return Optional.empty();
    }

    // ENR-09: course-based excludes home/hospital instruction under EC 48206.3
    static Optional<Refusal> homeHospital(Student student, Placement.Program program) {
        if (program == Placement.Program.COURSE_BASED && student.receivesHomeHospitalInstruction()) {
            return Optional.of(new Refusal("ENR-09", "Course-based independent study is not available to a "
                    + "temporarily disabled student receiving home/hospital instruction (EC 48206.3)"));
        }
        return Optional.empty();
    }

    // ENR-03: only when the IEP team recommends it; ENR-09: course-based only when the IEP provides specifically for it
    static Optional<Refusal> iepDetermination(Placement.Program program, boolean teamApproves,
                                              boolean providesCourseBased) {
        if (!teamApproves) {
            return Optional.of(new Refusal("ENR-03",
                    "The IEP team did not recommend independent study for this student"));
        }
        if (program == Placement.Program.COURSE_BASED && !providesCourseBased) {
            return Optional.of(new Refusal("ENR-09",
                    "The student's IEP does not provide specifically for course-based independent study"));
        }
        return Optional.empty();
    }

    // ENR-11: necessary medical or inpatient treatment exempts only with a licensed professional's evidence on file
    static boolean medicalExemption(boolean medicalTreatment, String evidence) {
        return medicalTreatment && evidence != null && !evidence.isBlank();
    }

    static String label(SuspensionReferral referral) {
        return referral.name().replace("EC_", "EC ");
    }
}
