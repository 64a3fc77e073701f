package org.independentstudy.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.independentstudy.enrollment.Placement;

/** Placements, agreements and contents for tests, complete unless a test takes something away. */
final class Agreements {

    private Agreements() {
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
        return new AgreementDraft(start, end, "Weekly on Mondays at the school office, in person; progress report "
                + "every two weeks by e-mail to the parent", "Grade-level standards through the district's online "
                + "curriculum", "Teacher review of work products and a unit test every three weeks",
                "Progress is measured per unit; an evaluation follows three missed assignments",
                "Chromebook and hotspot on loan, textbooks, weekly tutoring", "5 credits per semester course",
                "Weekly check-in with the counselor", supervisingTeacher, courses);
    }

    static AgreementContent contentOf(Placement placement, AgreementDraft draft) {
        AgreementContent.StudentParticulars student = new AgreementContent.StudentParticulars(placement.studentId(),
                "S100001", "Sofia Garcia", "100 Pine Ave, Long Beach 90800", "9", LocalDate.of(2011, 1, 1),
                "Lincoln High School", "independent study");
        AgreementContent.PolicyStatement policy = new AgreementContent.PolicyStatement("BP6158-2022", "BP 6158", 7,
                "Satisfactory progress", 3);
        return new AgreementContent(student, WrittenAgreement.Kind.MASTER, null, placement.program().name(),
                placement.longTerm(), draft.startDate(), draft.endDate(), draft.submissionAndReporting(),
                draft.studyObjectivesAndMethods(), draft.evaluationMethods(), draft.progressMeasurement(),
                draft.resourcesProvided(), policy, draft.creditsOrAccomplishments(), draft.supports(), List.of(),
                AgreementDrafting.OPTIONAL_STATEMENT, null, null, draft.supervisingTeacher(), draft.courses());
    }
}
