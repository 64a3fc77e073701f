package org.independentstudy.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.independentstudy.calendar.NonInstructionalDay;
import org.independentstudy.calendar.NonInstructionalDayKind;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolYearCalendar;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;
import org.independentstudy.enrollment.Placement.Program;
import org.independentstudy.people.Address;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Student;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The eligibility rules as plain functions: no Spring, no engine. */
class EligibilityRulesTest {

    /** 2026-27: semester 1 ends Thursday 2027-01-14 (staff day 01-15, holiday 01-18), semester 2 starts 01-19. */
    private static final SchoolCalendar CALENDAR = calendar();

    private static SchoolCalendar calendar() {
        SchoolCalendar calendar = new SchoolCalendar(ZoneId.of("America/Los_Angeles"));
        calendar.load(List.of(new SchoolYearCalendar("2026-27", LocalDate.of(2026, 8, 13), LocalDate.of(2027, 6, 10),
                LocalDate.of(2027, 1, 19), List.of(
                new NonInstructionalDay(LocalDate.of(2027, 1, 15), NonInstructionalDayKind.STAFF_DAY, "grading"),
                new NonInstructionalDay(LocalDate.of(2027, 1, 18), NonInstructionalDayKind.HOLIDAY, "MLK Day")),
                List.of())));
        return calendar;
    }

    @Test
    @DisplayName("ENR-05 a referral under EC 48915 needs the recorded classroom-alternative offer")
    void suspensionReferralNeedsTheOffer() {
        assertThat(EligibilityRules.suspensionReferral(SuspensionReferral.EC_48915, false))
                .hasValueSatisfying(r -> assertThat(r.ruleId()).isEqualTo("ENR-05"));
        assertThat(EligibilityRules.suspensionReferral(SuspensionReferral.EC_48917, true)).isEmpty();
        assertThat(EligibilityRules.suspensionReferral(SuspensionReferral.NONE, false)).isEmpty();
    }

    @Test
    @DisplayName("ENR-08 after a course-based disenrollment in semester 1, course-based is refused to its last day and allowed from semester 2")
    void semesterLockEndsAtTheSemesterBoundary() {
        List<Enrollment> earlier = List.of(courseBasedDisenrolledOn(LocalDate.of(2026, 10, 1)));

        assertThat(EligibilityRules.semesterLock(CALENDAR, Program.COURSE_BASED, LocalDate.of(2027, 1, 14), earlier))
                .hasValueSatisfying(r -> assertThat(r.ruleId()).isEqualTo("ENR-08"));
        assertThat(EligibilityRules.semesterLock(CALENDAR, Program.COURSE_BASED, LocalDate.of(2027, 1, 19), earlier))
                .isEmpty();
        // only course-based is locked
        assertThat(EligibilityRules.semesterLock(CALENDAR, Program.TRADITIONAL, LocalDate.of(2026, 11, 2), earlier))
                .isEmpty();
    }

    @Test
    @DisplayName("ENR-08 a course-based placement that ran to its end locks nothing")
    void completedCourseBasedDoesNotLock() {
        Enrollment completed = enrollment(PreferredPlacement.COURSE_BASED);
        completed.end(LocalDate.of(2026, 10, 1), Enrollment.EndReason.COMPLETED);

        assertThat(EligibilityRules.semesterLock(CALENDAR, Program.COURSE_BASED, LocalDate.of(2026, 10, 5),
                List.of(completed))).isEmpty();
    }

    @Test
    @DisplayName("ENR-09 course-based is refused to a student on home/hospital instruction, traditional is not")
    void homeHospitalExcludesCourseBased() {
        Student homeHospital = student().withNeeds(false, false, false, false, false, true);

        assertThat(EligibilityRules.homeHospital(homeHospital, Program.COURSE_BASED))
                .hasValueSatisfying(r -> assertThat(r.ruleId()).isEqualTo("ENR-09"));
        assertThat(EligibilityRules.homeHospital(homeHospital, Program.TRADITIONAL)).isEmpty();
        assertThat(EligibilityRules.homeHospital(student(), Program.COURSE_BASED)).isEmpty();
    }

    @Test
    @DisplayName("ENR-03 the IEP team must recommend it; ENR-09 course-based needs the IEP to provide for it specifically")
    void iepDetermination() {
        assertThat(EligibilityRules.iepDetermination(Program.TRADITIONAL, false, false))
                .hasValueSatisfying(r -> assertThat(r.ruleId()).isEqualTo("ENR-03"));
        assertThat(EligibilityRules.iepDetermination(Program.TRADITIONAL, true, false)).isEmpty();
        assertThat(EligibilityRules.iepDetermination(Program.COURSE_BASED, true, false))
                .hasValueSatisfying(r -> assertThat(r.ruleId()).isEqualTo("ENR-09"));
        assertThat(EligibilityRules.iepDetermination(Program.COURSE_BASED, true, true)).isEmpty();
    }

    @Test
    @DisplayName("ENR-11 medical treatment exempts only with a licensed professional's evidence on file")
    void medicalExemptionNeedsEvidence() {
        assertThat(EligibilityRules.medicalExemption(true, "Letter of Dr. Lee, MD (A12345), 2026-09-01")).isTrue();
        assertThat(EligibilityRules.medicalExemption(true, " ")).isFalse();
        assertThat(EligibilityRules.medicalExemption(false, "Letter of Dr. Lee")).isFalse();
    }

    /** A course-based placement that began (activated) and that the parent left on the day. */
    private static Enrollment courseBasedDisenrolledOn(LocalDate day) {
        Enrollment enrollment = enrollment(PreferredPlacement.COURSE_BASED);
        enrollment.activate(LocalDate.of(2026, 9, 14));
        enrollment.end(day, Enrollment.EndReason.DISENROLLED);
        return enrollment;
    }

    static Enrollment enrollment(PreferredPlacement preferred) {
        RequestBuilder request = RequestBuilder.forStudent("S100001", 1L);
        request.placement = preferred;
        Enrollment enrollment = new Enrollment(1L, 1L, "Ana Garcia (parent)", "counselor", request.build());
        enrollment.decidePlacementType(new PlacementType(preferred == PreferredPlacement.COURSE_BASED
                ? Program.COURSE_BASED : Program.TRADITIONAL, true, 20, 0, request.start, "BP6158-2022"));
        return enrollment;
    }

    private static Student student() {
        return new Student("S900001", "Test", "Student", LocalDate.of(2012, 3, 4), Grade.G8,
                new Address("1 Main St", "Long Beach", "90802"), 1L);
    }
}
