package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;
import org.independentstudy.people.Student;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the drafted agreement says, for the cases the law names, from the family's request through the enrolled
 * placement to the content signed and its PDF.
 */
@IntegrationTest
class AgreementDocumentTest {

    private static final LocalDate START = AgreementScenarios.START;
    private static final LocalDate END = AgreementScenarios.END;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Autowired
    AgreementScenarios scenarios;
    @Autowired
    DemoStudents demo;
    @Autowired
    AgreementDrafting drafting;
    @Autowired
    AgreementDocument document;
    @Autowired
    EnrolledPlacements placements;

    /** The agreement of the placement the request enrolled, drafted with the given supports and courses. */
    private AgreementVersion drafted(RequestBuilder request, String supports, List<AgreementContent.Course> courses) {
        request.receivedOn = TODAY;
        request.dates(START, END);
        Long caseId = scenarios.enrolledCase(request.build());
        WrittenAgreement agreement = drafting.prepare(placements.placementOf(caseId));
        AgreementVersion version = drafting.save(agreement.getId(),
                Agreements.completeDraft(START, END, "teacher", courses, supports));
        assertThat(drafting.problemsOf(version.getId())).isEmpty();
        return version;
    }

    private String pdfText(AgreementVersion version) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(document.renderPdf(version.getId()))) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    @Test
    @DisplayName("ENR-04 a student with a Section 504 plan: the plan's reference and the supports it provides are in the drafted agreement and its PDF; a student without one has no plan line")
    void section504PlanSupportsInTheAgreement() throws IOException {
        RequestBuilder request = demo.requestForNewStudentLike("S100006");
        request.plan504 = "504-2026-0612";
        String supports = "As Section 504 plan 504-2026-0612 provides: extended time (time and a half) on unit tests, "
                + "a quiet testing room and weekly check-ins with the counselor";
        AgreementVersion version = drafted(request, supports, List.of());

        AgreementContent content = version.content();
        assertThat(content.section504PlanReference()).isEqualTo("504-2026-0612");
        assertThat(content.supportsPrompts())
                .contains("Section 504 plan 504-2026-0612: the plan's accommodations (ENR-04)");
        assertThat(content.supports()).isEqualTo(supports);
        assertThat(pdfText(version)).contains("Section 504 plan: 504-2026-0612", supports);

        AgreementVersion without = drafted(demo.requestForNewStudentLike("S100012"), "Weekly check-in with the counselor", List.of());
        assertThat(without.content().section504PlanReference()).isNull();
        assertThat(pdfText(without)).doesNotContain("Section 504 plan");
    }

    @Test
    @DisplayName("ENR-05 a suspended or expelled referral offered the classroom alternative: the agreement and its PDF say instruction is given only with classroom instruction offered; another student's do not")
    void classroomAlternativeStatementInTheAgreement() throws IOException {
        RequestBuilder referral = demo.requestForNewStudentLike("S100014");
        referral.referral = SuspensionReferral.EC_48915;
        referral.alternativeOffered = true;
        AgreementVersion version = drafted(referral, "Weekly check-in with the counselor", List.of());

        assertThat(version.content().classroomAlternativeStatement())
                .isEqualTo(AgreementDrafting.CLASSROOM_ALTERNATIVE_STATEMENT);
        assertThat(pdfText(version)).contains(AgreementDrafting.CLASSROOM_ALTERNATIVE_STATEMENT,
                AgreementDrafting.OPTIONAL_STATEMENT);

        AgreementVersion notReferred = drafted(demo.requestForNewStudentLike("S100015"), "Weekly check-in with the counselor",
                List.of());
        assertThat(notReferred.content().classroomAlternativeStatement()).isNull();
        assertThat(pdfText(notReferred)).contains(AgreementDrafting.OPTIONAL_STATEMENT)
                .doesNotContain(AgreementDrafting.CLASSROOM_ALTERNATIVE_STATEMENT);
    }

    @Test
    @DisplayName("AGR-04 a course-based learning agreement carries the district's policy summary and, per course, its duration, credits and learning objectives, in its content and its PDF")
    void courseBasedLearningAgreementElements() throws IOException {
        Student student = scenarios.student("S100011");
        Long caseId = scenarios.openCase(student);
        WrittenAgreement agreement = drafting.prepare(Agreements.courseBased(caseId, student.getId(), START, END));
        LocalDate algebraEnd = LocalDate.of(2027, 2, 26);
        AgreementVersion version = drafting.save(agreement.getId(), Agreements.completeDraft(START, END, "teacher",
                List.of(Agreements.course("Algebra I", "Mathematics", "teacher2", START, algebraEnd),
                        Agreements.course("English 9", "English", "teacher", START, END))));
        assertThat(drafting.problemsOf(version.getId())).isEmpty();

        AgreementContent.PolicyStatement policy = version.content().policy();
        assertThat(policy.courseBasedSummary()).startsWith("Course-based independent study (EC 51749-51749.6).")
                .contains("Examinations are proctored");
        assertThat(version.content().courses()).extracting(AgreementContent.Course::endDate)
                .containsExactly(algebraEnd, END);
        assertThat(pdfText(version)).contains("Course-Based Independent Study Learning Agreement",
                "District policies and procedures for course-based independent study",
                policy.courseBasedSummary(), "Algebra I", "2027-01-11 to 2027-02-26", "2027-01-11 to 2027-03-26",
                "Learning objectives and expectations: Master the Mathematics standards of Algebra I",
                "Measuring satisfactory progress and evaluation");
    }
}
