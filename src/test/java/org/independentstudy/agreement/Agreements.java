package org.independentstudy.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.independentstudy.enrollment.Placement;

/** Placements, agreements and contents for tests, complete unless a test takes something away. */
final class Agreements {

    static final String POLICY_SUMMARY = "Course-based independent study: courses under certificated teachers, "
            + "proctored examinations, return to the classroom within five instructional days";

    private Agreements() {
    }

    /** AGR-04: a complete course of a course-based agreement, running from start to end. */
    static AgreementContent.Course course(String name, String subject, String teacher, LocalDate start,
                                          LocalDate end) {
        return new AgreementContent.Course(name, subject, teacher, "5", start, end,
                "Master the " + subject + " standards of " + name + "; weekly problem sets and a unit test");
    }

    static Placement traditional(Long caseId, Long studentId, LocalDate start, LocalDate end, boolean longTerm) {
        return new Placement(caseId, studentId, Placement.Program.TRADITIONAL, longTerm, start, end, 10, 0,
                "BP6158-2022", false, null, false, false);
    }

    static Placement courseBased(Long caseId, Long studentId, LocalDate start, LocalDate end) {
        return new Placement(caseId, studentId, Placement.Program.COURSE_BASED, true, start, end, 60, 0,
                "BP6158-2022", false, null, false, false);
    }

    static WrittenAgreement agreementFor(Placement placement) {
        return new WrittenAgreement(placement, null, Instant.parse("2026-08-20T16:00:00Z"), "counselor");
    }

    static AgreementDraft completeDraft(LocalDate start, LocalDate end, String supervisingTeacher,
                                        List<AgreementContent.Course> courses) {
        return completeDraft(start, end, supervisingTeacher, courses, "Weekly check-in with the counselor");
    }

    /** AGR-03 (7): a complete draft promising the given supports. */
    static AgreementDraft completeDraft(LocalDate start, LocalDate end, String supervisingTeacher,
                                        List<AgreementContent.Course> courses, String supports) {
        return new AgreementDraft(start, end, "Weekly on Mondays at the school office, in person; progress report "
                + "every two weeks by e-mail to the parent", "Grade-level standards through the district's online "
                + "curriculum", "Teacher review of work products and a unit test every three weeks",
                "Progress is measured per unit; an evaluation follows three missed assignments",
                "Chromebook and hotspot on loan, textbooks, weekly tutoring", "5 credits per semester course",
                supports, supervisingTeacher, courses);
    }

    static AgreementContent contentOf(Placement placement, AgreementDraft draft) {
        return contentOf(placement, draft, placement.courseBased() ? POLICY_SUMMARY : null);
    }

    /** AGR-04 (1): the content under a district policy with the given course-based summary. */
    static AgreementContent contentOf(Placement placement, AgreementDraft draft, String courseBasedPolicySummary) {
        AgreementContent.StudentParticulars student = new AgreementContent.StudentParticulars(placement.studentId(),
                "S100001", "Sofia Garcia", "100 Pine Ave, Long Beach 90800", "9", LocalDate.of(2011, 1, 1),
                "Lincoln High School", "independent study");
        AgreementContent.PolicyStatement policy = new AgreementContent.PolicyStatement("BP6158-2022", "BP 6158", 7,
                "Satisfactory progress", 3, courseBasedPolicySummary);
        return new AgreementContent(student, WrittenAgreement.Kind.MASTER, null, placement.program().name(),
                placement.longTerm(), draft.startDate(), draft.endDate(), draft.submissionAndReporting(),
                draft.studyObjectivesAndMethods(), draft.evaluationMethods(), draft.progressMeasurement(),
                draft.resourcesProvided(), policy, draft.creditsOrAccomplishments(), draft.supports(), List.of(),
                AgreementDrafting.OPTIONAL_STATEMENT, null, null, draft.supervisingTeacher(), draft.courses());
    }
}
