package org.independentstudy.agreement.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.independentstudy.agreement.AgreementContent;
import org.independentstudy.agreement.AgreementDraft;
import org.independentstudy.people.StaffMember;

/**
 * The drafting form's variables (forms/draft-agreement.form) to and from an {@link AgreementDraft}. Courses
 * are one per line, "name | subject | teacher username | credits | begin | end | learning objectives" (dates as
 * yyyy-MM-dd; AGR-04 (2, 4)), as Tasklist forms have no repeating group.
 */
final class DraftForm {

    private static final int COURSE_FIELDS = 7;

    /**
     * AGR-11: the supervising teachers to choose from, one "username|label" per line: the form's select reads them
     * with a FEEL {@code valuesExpression}, as a list variable would reach Tasklist Java-serialized.
     */
    static final String TEACHER_CHOICES = "supervisingTeacherChoices";

    private DraftForm() {
    }

    static Map<String, Object> variablesOf(AgreementDraft draft, AgreementContent preview) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("startDate", draft.startDate() == null ? null : draft.startDate().toString());
        variables.put("endDate", draft.endDate() == null ? null : draft.endDate().toString());
        variables.put("submissionAndReporting", draft.submissionAndReporting());
        variables.put("studyObjectivesAndMethods", draft.studyObjectivesAndMethods());
        variables.put("evaluationMethods", draft.evaluationMethods());
        variables.put("progressMeasurement", draft.progressMeasurement());
        variables.put("resourcesProvided", draft.resourcesProvided());
        variables.put("creditsOrAccomplishments", draft.creditsOrAccomplishments());
        variables.put("supports", draft.supports());
        variables.put("supervisingTeacher", draft.supervisingTeacher());
        variables.put("courses", draft.courses().stream().map(DraftForm::line).collect(Collectors.joining("\n")));
        variables.put("courseBased", preview.courseBased());
        variables.put("studentParticulars", particulars(preview));
        variables.put("supportsPrompts", String.join("\n", preview.supportsPrompts()));
        return variables;
    }

    static String teacherChoices(List<StaffMember> teachers) {
        return teachers.stream().map(t -> t.getUsername() + "|" + t.getFullName() + " (" + t.getUsername() + ")")
                .collect(Collectors.joining("\n"));
    }

    static AgreementDraft draftOf(Function<String, Object> variables) {
        return new AgreementDraft(date(variables.apply("startDate")), date(variables.apply("endDate")),
                text(variables, "submissionAndReporting"), text(variables, "studyObjectivesAndMethods"),
                text(variables, "evaluationMethods"), text(variables, "progressMeasurement"),
                text(variables, "resourcesProvided"), text(variables, "creditsOrAccomplishments"),
                text(variables, "supports"), text(variables, "supervisingTeacher"),
                courses(text(variables, "courses")));
    }

    /** AGR-02: what the agreement will say of the student, from the records, for the drafter to check. */
    private static String particulars(AgreementContent preview) {
        AgreementContent.StudentParticulars s = preview.student();
        return s.name() + " (" + s.studentNumber() + "), born " + s.birthDate() + ", grade " + s.grade() + "\n"
                + s.address() + "\n" + s.school() + ": " + s.programPlacement() + "\n"
                + preview.policy().policyTitle() + ": assignments due within "
                + preview.policy().maxAssignmentCalendarDays() + " days; evaluation after "
                + preview.policy().missedAssignmentsForEvaluation() + " missed assignments"
                + (preview.policy().courseBasedSummary() == null ? "" : "\n" + preview.policy().courseBasedSummary());
    }

    private static List<AgreementContent.Course> courses(String lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.lines().filter(line -> !line.isBlank()).map(line -> {
            // the objectives come last and may contain the separator themselves
            List<String> parts = Arrays.stream(line.split("\\|", COURSE_FIELDS)).map(String::strip).toList();
            return new AgreementContent.Course(part(parts, 0), part(parts, 1), part(parts, 2), part(parts, 3),
                    date(part(parts, 4)), date(part(parts, 5)), part(parts, 6));
        }).toList();
    }

    private static String line(AgreementContent.Course c) {
        return Stream.of(c.name(), c.subject(), c.teacher(), c.credits(), c.startDate(), c.endDate(),
                c.learningObjectives()).map(value -> value == null ? "" : value.toString())
                .collect(Collectors.joining(" | "));
    }

    private static String part(List<String> parts, int index) {
        return index < parts.size() && !parts.get(index).isEmpty() ? parts.get(index) : null;
    }

    private static String text(Function<String, Object> variables, String name) {
        Object value = variables.apply(name);
        return value == null ? null : value.toString();
    }

    /** A date the form could not give is left out; validation then names the missing dates (AGR-04, AGR-05). */
    private static LocalDate date(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
