package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.enrollment.Placement;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AgreementValidatorTest {

    private static final SchoolCalendar CALENDAR = DemoCalendars.bothDemoYears();
    private static final LocalDate SEP_1 = LocalDate.of(2026, 9, 1);
    private static final LocalDate OCT_30 = LocalDate.of(2026, 10, 30);

    private final AgreementValidator validator = new AgreementValidator(CALENDAR);

    private List<String> problems(Placement placement, AgreementDraft draft) {
        return validator.problemsOf(Agreements.contentOf(placement, draft), Agreements.agreementFor(placement));
    }

    @Test
    @DisplayName("AGR-03 a complete traditional agreement may go to signature")
    void completeTraditionalAgreementHasNoProblem() {
        Placement placement = Agreements.traditional(1L, 1L, SEP_1, OCT_30, true);
        assertThat(problems(placement, Agreements.completeDraft(SEP_1, OCT_30, "teacher", List.of()))).isEmpty();
    }

    @Test
    @DisplayName("AGR-03 an empty traditional agreement lists every missing element at once")
    void emptyTraditionalAgreementListsEveryMissingElement() {
        Placement placement = Agreements.traditional(1L, 1L, SEP_1, OCT_30, true);
        AgreementDraft empty = new AgreementDraft(null, null, " ", null, null, null, null, null, null, null, null);

        assertThat(problems(placement, empty)).containsExactly(
                "AGR-03: the frequency, time, place and manner of submitting assignments, reporting progress and communicating with the parent is missing",
                "AGR-03: the objectives and methods of study is missing",
                "AGR-03: the methods of evaluation is missing",
                "AGR-03: the resources provided, including devices and internet connectivity is missing",
                "AGR-03: the course credits or, in elementary grades, other measures of accomplishment is missing",
                "AGR-03: the academic and other supports (not at grade level, English learner, IEP/504, foster or homeless youth, mental health) is missing",
                "AGR-11: the supervising teacher is missing",
                "AGR-05: the begin and end dates of the agreement are required");
    }

    @Test
    @DisplayName("AGR-03 (9) a suspended or expelled referral without the classroom alternative offered cannot go to signature")
    void referralWithoutClassroomAlternativeIsRefused() {
        Placement referral = new Placement(1L, 1L, Placement.Program.TRADITIONAL, true, SEP_1, OCT_30, 40, 0,
                "BP6158-2022", false, null, true, false);
        assertThat(problems(referral, Agreements.completeDraft(SEP_1, OCT_30, "teacher", List.of())))
                .singleElement().asString().startsWith("AGR-03: the student was referred under EC 48915/48917");
    }

    @Test
    @DisplayName("AGR-04 a course-based learning agreement needs its courses, each with subject, teacher, credits, duration and learning objectives, and the progress measures")
    void courseBasedAgreementNeedsCourses() {
        LocalDate end = LocalDate.of(2027, 1, 14);
        Placement placement = Agreements.courseBased(1L, 1L, SEP_1, end);
        AgreementDraft noCourses = Agreements.completeDraft(SEP_1, end, "teacher", List.of());
        assertThat(problems(placement, noCourses)).containsExactly("AGR-04: no course is listed");

        AgreementDraft incomplete = new AgreementDraft(SEP_1, end, "weekly", "standards", "tests", " ",
                "laptop", "5 credits", "tutoring", "teacher",
                List.of(Agreements.course("Algebra I", "Mathematics", "teacher2", SEP_1, end),
                        new AgreementContent.Course("World History", "History", null, "5", SEP_1, null, " ")));
        assertThat(problems(placement, incomplete)).containsExactly(
                "AGR-04: how satisfactory educational progress is measured and when an evaluation is required is missing",
                "AGR-04: course 'World History' needs its teacher, its end date, its learning objectives and expectations");
    }

    @Test
    @DisplayName("AGR-04 each course runs within the agreement: ending on the agreement's last day is allowed, a day later or before its own begin is not")
    void courseDurationWithinTheAgreement() {
        LocalDate end = LocalDate.of(2027, 1, 14);
        Placement placement = Agreements.courseBased(1L, 1L, SEP_1, end);
        AgreementContent.Course wholeAgreement = Agreements.course("Algebra I", "Mathematics", "teacher2", SEP_1, end);
        assertThat(problems(placement, Agreements.completeDraft(SEP_1, end, "teacher", List.of(wholeAgreement))))
                .isEmpty();

        AgreementContent.Course dayLate = Agreements.course("Biology", "Science", "teacher2", SEP_1, end.plusDays(1));
        AgreementContent.Course dayEarly = Agreements.course("Chemistry", "Science", "teacher2", SEP_1.minusDays(1), end);
        AgreementContent.Course backwards = Agreements.course("Physics", "Science", "teacher2", OCT_30, OCT_30.minusDays(1));
        assertThat(problems(placement, Agreements.completeDraft(SEP_1, end, "teacher",
                List.of(dayLate, dayEarly, backwards)))).containsExactly(
                "AGR-04: course 'Biology' runs from 2026-09-01 to 2027-01-15, outside the agreement (2026-09-01 to 2027-01-14)",
                "AGR-04: course 'Chemistry' runs from 2026-08-31 to 2027-01-14, outside the agreement (2026-09-01 to 2027-01-14)",
                "AGR-04: course 'Physics' ends on 2026-10-29, before it begins on 2026-10-30");
    }

    @Test
    @DisplayName("AGR-04 a course-based learning agreement carries the summary of the district's policies and procedures; a policy without one keeps it from signature")
    void courseBasedAgreementCarriesThePolicySummary() {
        LocalDate end = LocalDate.of(2027, 1, 14);
        Placement placement = Agreements.courseBased(1L, 1L, SEP_1, end);
        AgreementDraft draft = Agreements.completeDraft(SEP_1, end, "teacher",
                List.of(Agreements.course("Algebra I", "Mathematics", "teacher2", SEP_1, end)));
        assertThat(problems(placement, draft)).isEmpty();

        AgreementContent withoutSummary = Agreements.contentOf(placement, draft, " ");
        assertThat(validator.problemsOf(withoutSummary, Agreements.agreementFor(placement))).containsExactly(
                "AGR-04: the summary of the district's policies and procedures for course-based independent study "
                        + "(district policy BP6158-2022) is missing");
    }

    @Test
    @DisplayName("AGR-05 a traditional agreement of exactly one school year ending on a non-school day (spring break) is allowed; one day more is not")
    void oneSchoolYearMaximumEndingOnANonSchoolDay() {
        LocalDate start = LocalDate.of(2026, 4, 6);
        LocalDate lastAllowed = LocalDate.of(2027, 4, 5);
        assertThat(CALENDAR.isSchoolDay(lastAllowed)).as("2027-04-05 is in the spring break").isFalse();

        Placement placement = Agreements.traditional(1L, 1L, start, lastAllowed, true);
        assertThat(problems(placement, Agreements.completeDraft(start, lastAllowed, "teacher", List.of()))).isEmpty();

        LocalDate oneDayMore = lastAllowed.plusDays(1);
        assertThat(problems(placement, Agreements.completeDraft(start, oneDayMore, "teacher", List.of())))
                .containsExactly("AGR-05: the agreement runs from 2026-04-06 to 2027-04-06, longer than one school "
                        + "year (it may end on 2027-04-05 at the latest)");
    }

    @Test
    @DisplayName("AGR-05 a course-based learning agreement never spans two school years, even by a summer day")
    void courseBasedAgreementDoesNotSpanTwoSchoolYears() {
        LocalDate start = LocalDate.of(2026, 4, 6);
        LocalDate lastDay = LocalDate.of(2026, 6, 11);
        Placement placement = Agreements.courseBased(1L, 1L, start, lastDay);
        List<AgreementContent.Course> courses = List.of(
                Agreements.course("Algebra I", "Mathematics", "teacher2", start, lastDay));
        assertThat(problems(placement, Agreements.completeDraft(start, lastDay, "teacher", courses))).isEmpty();

        assertThat(problems(placement, Agreements.completeDraft(start, lastDay.plusDays(1), "teacher", courses)))
                .containsExactly("AGR-05: a course-based learning agreement may not span two school years; it must "
                        + "end by 2026-06-11, the last day of 2025-26");
    }

    @Test
    @DisplayName("AGR-05 the end date may not precede the begin date")
    void endBeforeBegin() {
        Placement placement = Agreements.traditional(1L, 1L, SEP_1, OCT_30, true);
        assertThat(problems(placement, Agreements.completeDraft(OCT_30, SEP_1, "teacher", List.of())))
                .containsExactly("AGR-05: the end date 2026-09-01 is before the begin date 2026-10-30");
    }

    @Test
    @DisplayName("AGR-01 the agreement covers every day of the placement it is written for")
    void agreementCoversThePlacement() {
        Placement placement = Agreements.traditional(1L, 1L, SEP_1, OCT_30, true);
        assertThat(problems(placement, Agreements.completeDraft(SEP_1, OCT_30.minusDays(1), "teacher", List.of())))
                .containsExactly("AGR-01: the agreement (2026-09-01 to 2026-10-29) does not cover the whole placement "
                        + "(2026-09-01 to 2026-10-30)");
    }

    @Test
    @DisplayName("AGR-01 an agreement may not begin before the family's requested start: the day before is refused naming the begin date, the day itself is not")
    void agreementNotBeforeTheRequestedStart() {
        LocalDate requested = LocalDate.of(2026, 9, 14);
        Placement placement = Agreements.traditional(1L, 1L, requested, OCT_30, true);
        assertThat(problems(placement, Agreements.completeDraft(requested.minusDays(3), OCT_30, "teacher", List.of())))
                .containsExactly("AGR-01: the begin date (startDate) 2026-09-11 is before the family's requested "
                        + "start 2026-09-14");
        assertThat(problems(placement, Agreements.completeDraft(requested, OCT_30, "teacher", List.of()))).isEmpty();
    }
}
