package org.independentstudy.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.calendar.SchoolYear;

/**
 * Whether an agreement may go to signature (AGR-01, AGR-03, AGR-04, AGR-05). Lists every problem at once, each
 * naming its rule and element, so the drafter fixes them in one pass.
 */
public class AgreementValidator {

    private final SchoolCalendar schoolCalendar;

    public AgreementValidator(SchoolCalendar schoolCalendar) {
        this.schoolCalendar = schoolCalendar;
    }

    public List<String> problemsOf(AgreementContent content, WrittenAgreement agreement) {
        List<String> problems = new ArrayList<>();
        String elements = content.courseBased() ? "AGR-04" : "AGR-03";
        require(problems, content.submissionAndReporting(), elements,
                "the frequency, time, place and manner of submitting assignments, reporting progress and communicating with the parent");
        require(problems, content.studyObjectivesAndMethods(), elements, "the objectives and methods of study");
        require(problems, content.evaluationMethods(), elements, "the methods of evaluation");
        require(problems, content.resourcesProvided(), elements,
                "the resources provided, including devices and internet connectivity");
        require(problems, content.creditsOrAccomplishments(), elements,
                "the course credits or, in elementary grades, other measures of accomplishment");
        require(problems, content.supports(), elements,
                "the academic and other supports (not at grade level, English learner, IEP/504, foster or homeless youth, mental health)");
        require(problems, content.supervisingTeacher(), "AGR-11", "the supervising teacher");
        if (content.courseBased()) {
            courseElements(content, problems);
        }
        // AGR-03 (9), ENR-05: a referred student may be placed only with the classroom alternative offered
        if (agreement.isSuspendedOrExpelledReferral() && !agreement.isClassroomAlternativeOffered()) {
            problems.add(elements + ": the student was referred under EC 48915/48917 but the alternative of "
                    + "classroom instruction has not been offered (ENR-05)");
        }
        duration(content, agreement, problems);
        return problems;
    }

    private static void courseElements(AgreementContent content, List<String> problems) {
        require(problems, content.policy().courseBasedSummary(), "AGR-04",
                "the summary of the district's policies and procedures for course-based independent study (district policy "
                        + content.policy().policyCode() + ")");
        require(problems, content.progressMeasurement(), "AGR-04",
                "how satisfactory educational progress is measured and when an evaluation is required");
        if (content.courses().isEmpty()) {
            problems.add("AGR-04: no course is listed");
        }
        for (AgreementContent.Course course : content.courses()) {
            courseProblems(course, content.startDate(), content.endDate()).ifPresent(problems::add);
        }
    }

    /** AGR-04 (2, 4): a course names its subject, teacher and credits, runs within the agreement, and says what is learnt. */
    private static Optional<String> courseProblems(AgreementContent.Course course, LocalDate agreementStart,
                                                   LocalDate agreementEnd) {
        String name = blank(course.name()) ? "a course" : "course '" + course.name() + "'";
        List<String> missing = new ArrayList<>();
        missingIf(missing, blank(course.name()), "a name");
        missingIf(missing, blank(course.subject()), "its subject");
        missingIf(missing, blank(course.teacher()), "its teacher");
        missingIf(missing, blank(course.credits()), "its credits");
        missingIf(missing, course.startDate() == null, "its begin date");
        missingIf(missing, course.endDate() == null, "its end date");
        missingIf(missing, blank(course.learningObjectives()), "its learning objectives and expectations");
        if (!missing.isEmpty()) {
            return Optional.of("AGR-04: " + name + " needs " + String.join(", ", missing));
        }
        if (course.endDate().isBefore(course.startDate())) {
            return Optional.of("AGR-04: " + name + " ends on " + course.endDate() + ", before it begins on "
                    + course.startDate());
        }
        if (agreementStart != null && agreementEnd != null
                && (course.startDate().isBefore(agreementStart) || course.endDate().isAfter(agreementEnd))) {
            return Optional.of("AGR-04: " + name + " runs from " + course.startDate() + " to " + course.endDate()
                    + ", outside the agreement (" + agreementStart + " to " + agreementEnd + ")");
        }
        return Optional.empty();
    }

    private static void missingIf(List<String> missing, boolean isMissing, String element) {
        if (isMissing) {
            missing.add(element);
        }
    }

    // AGR-05: begin and end dates; at most one school year; course-based never spans two school years
    private void duration(AgreementContent content, WrittenAgreement agreement, List<String> problems) {
        LocalDate start = content.startDate();
        LocalDate end = content.endDate();
        if (start == null || end == null) {
            problems.add("AGR-05: the begin and end dates of the agreement are required");
            return;
        }
        if (end.isBefore(start)) {
            problems.add("AGR-05: the end date " + end + " is before the begin date " + start);
            return;
        }
        // AGR-01: independent study never begins before the family asked for it (the placement's start)
        if (start.isBefore(agreement.getPlacementStart())) {
            problems.add("AGR-01: the begin date (startDate) " + start + " is before the family's requested start "
                    + agreement.getPlacementStart());
        }
        // AGR-01: the agreement covers every day of the placement it is written for
        if (start.isAfter(agreement.getPlacementStart()) || end.isBefore(agreement.getPlacementEnd())) {
            problems.add("AGR-01: the agreement (" + start + " to " + end + ") does not cover the whole placement ("
                    + agreement.getPlacementStart() + " to " + agreement.getPlacementEnd() + ")");
        }
        if (content.courseBased()) {
            withinOneSchoolYear(start, end, problems);
        } else if (!end.isBefore(start.plusYears(1))) {
            problems.add("AGR-05: the agreement runs from " + start + " to " + end
                    + ", longer than one school year (it may end on " + start.plusYears(1).minusDays(1) + " at the latest)");
        }
    }

    private void withinOneSchoolYear(LocalDate start, LocalDate end, List<String> problems) {
        try {
            SchoolYear year = schoolCalendar.schoolYearOf(start);
            if (end.isAfter(year.lastDay())) {
                problems.add("AGR-05: a course-based learning agreement may not span two school years; it must end by "
                        + year.lastDay() + ", the last day of " + year.label());
            }
        } catch (SchoolCalendarException e) {
            problems.add("AGR-05: the begin date " + start + " is not within a school year of the calendar ("
                    + e.getMessage() + ")");
        }
    }

    private static void require(List<String> problems, String value, String ruleId, String element) {
        if (blank(value)) {
            problems.add(ruleId + ": " + element + " is missing");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
