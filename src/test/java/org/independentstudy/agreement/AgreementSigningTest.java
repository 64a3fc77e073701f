package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.Api;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.independentstudy.records.Sha256;

/** Drafting, signing, activating and printing agreements through the domain services, without the process. */
@IntegrationTest
class AgreementSigningTest {

    private static final LocalDate START = AgreementScenarios.START;
    private static final LocalDate END = AgreementScenarios.END;

    @Autowired
    AgreementScenarios scenarios;
    @Autowired
    AgreementDrafting drafting;
    @Autowired
    AgreementSignatures signatures;
    @Autowired
    AgreementActivation activation;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    AgreementVersionRepository versions;
    @Autowired
    GuardianRepository guardians;
    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("AGR-08 each signature records signer, role, time, method and the SHA-256 of the version; signing twice signs once")
    void signatureRecordsTheFingerprintOfTheVersion() {
        Student student = scenarios.student("S100011");
        AgreementVersion version = scenarios.sentAgreement(student, "teacher");
        String studentIdentity = RequiredSigner.studentIdentity(student.getId());

        assertThat(signatures.sign(version.getId(), SignerRole.STUDENT, studentIdentity, SignatureMethod.EMAIL_LINK))
                .isEqualTo(SignatureOutcome.SIGNED);
        assertThat(signatures.sign(version.getId(), SignerRole.STUDENT, studentIdentity, SignatureMethod.EMAIL_LINK))
                .isEqualTo(SignatureOutcome.ALREADY_SIGNED);
        assertThat(signatures.sign(version.getId(), SignerRole.SUPERVISING_TEACHER, "teacher2", SignatureMethod.TASKLIST))
                .as("teacher2 does not supervise this agreement").isEqualTo(SignatureOutcome.NOT_A_REQUIRED_SIGNER);

        AgreementSignature signature = signatures.signaturesOf(version.getId()).get(0);
        assertThat(signatures.signaturesOf(version.getId())).hasSize(1);
        assertThat(signature.getSignerName()).isEqualTo(student.fullName());
        assertThat(signature.getSignerRole()).isEqualTo(SignerRole.STUDENT);
        assertThat(signature.getMethod()).isEqualTo(SignatureMethod.EMAIL_LINK);
        assertThat(signature.getSignedAt()).isNotNull();
        assertThat(signature.getContentSha256()).hasSize(64).isEqualTo(version.getContentSha256());
    }

    @Test
    @DisplayName("AGR-08 re-signing after an edit: the edited agreement is a new version to sign again, the old signatures stay on record")
    void editAfterASignatureMakesANewVersion() {
        Student student = scenarios.student("S100011");
        AgreementVersion first = scenarios.sentAgreement(student, "teacher");
        String studentIdentity = RequiredSigner.studentIdentity(student.getId());
        signatures.sign(first.getId(), SignerRole.STUDENT, studentIdentity, SignatureMethod.EMAIL_LINK);

        drafting.reopenForRevision(first.getId(), "the family asked for a different submission day");
        AgreementVersion second = drafting.save(first.getAgreementId(), new AgreementDraft(START, END,
                "Weekly on Thursdays", "standards", "tests", null, "laptop", "5 credits", "tutoring", "teacher", null));

        assertThat(second.getVersionNumber()).isEqualTo(2);
        assertThat(second.getContentSha256()).isNotEqualTo(first.getContentSha256());
        assertThat(signatures.sign(first.getId(), SignerRole.STUDENT, studentIdentity, SignatureMethod.EMAIL_LINK))
                .isEqualTo(SignatureOutcome.VERSION_SUPERSEDED);
        assertThat(signatures.signaturesOf(first.getId())).singleElement()
                .extracting(AgreementSignature::getContentSha256).isEqualTo(first.getContentSha256());
        drafting.sendForSignature(second.getId(), null);
        assertThat(signatures.unsignedSigners(second.getId(), LocalDate.of(2026, 12, 1)))
                .extracting(RequiredSigner::role)
                .containsExactly(SignerRole.STUDENT, SignerRole.PARENT_OR_GUARDIAN, SignerRole.SUPERVISING_TEACHER);
    }

    @Test
    @DisplayName("AGR-09 a minor's agreement signed by everyone else does not activate without a parent's signature; with it, it does")
    void activationNeedsTheParentsSignature() {
        // no parent on record, so the student's and the teacher's signatures make the version fully signed
        Student minor = scenarios.familyWithoutEmail("S300901", null);
        AgreementVersion version = scenarios.sentAgreement(minor, "teacher");
        Long caseId = drafting.agreementOfVersion(version.getId()).getCaseId();
        signatures.sign(version.getId(), SignerRole.STUDENT, RequiredSigner.studentIdentity(minor.getId()),
                SignatureMethod.EMAIL_LINK);
        signatures.sign(version.getId(), SignerRole.SUPERVISING_TEACHER, "teacher", SignatureMethod.TASKLIST);
        assertThat(versions.findById(version.getId()).orElseThrow().getStatus())
                .isEqualTo(AgreementVersion.Status.FULLY_SIGNED);

        assertThatThrownBy(() -> activation.activate(version.getId())).isInstanceOf(IllegalStateException.class)
                .hasMessage("AGR-09: no parent, guardian or caregiver signed for the minor Rosa Mendez; the case "
                        + "cannot become active");
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.AGREEMENT);

        Guardian parent = guardians.save(new Guardian(minor.getId(), "Elena Mendez", Guardian.Relationship.PARENT,
                null, null, minor.getAddress()));
        assertThat(signatures.sign(version.getId(), SignerRole.PARENT_OR_GUARDIAN,
                RequiredSigner.guardianIdentity(parent.getId()), SignatureMethod.EMAIL_LINK))
                .isEqualTo(SignatureOutcome.SIGNED);
        assertThat(activation.activate(version.getId()).firstDay()).isEqualTo(START);
        assertThat(caseRecord.get(caseId).getPhase()).isEqualTo(CasePhase.ACTIVE);
        assertThat(caseRecord.timelineOf(caseId)).extracting(TimelineEntry::getStep)
                .contains("agreementFullySigned", "independentStudyActivated");
    }

    @Test
    @DisplayName("AGR-11 a supervising teacher with a lapsed credential, or none, cannot be assigned; a valid credential is recorded")
    void supervisingTeacherCredential() {
        Student student = scenarios.student("S100011");
        Long caseId = scenarios.openCase(student);
        WrittenAgreement agreement = drafting.prepare(Agreements.traditional(caseId, student.getId(), START, END, true));
        AgreementVersion lapsed = drafting.save(agreement.getId(), Agreements.completeDraft(START, END, "teacher5", List.of()));
        assertThat(drafting.problemsOf(lapsed.getId())).singleElement().asString()
                .startsWith("AGR-11: the supervising teacher 'teacher5' holds no credential valid on 2027-01-11");

        List<AgreementContent.Course> courses = List.of(
                Agreements.course("Algebra I", "Mathematics", "teacher2", START, END),
                Agreements.course("English 9", "English", "teacher2", START, END));
        Long courseCase = scenarios.openCase(student);
        WrittenAgreement courseBased = drafting.prepare(Agreements.courseBased(courseCase, student.getId(), START, END));
        AgreementVersion wrongSubject = drafting.save(courseBased.getId(),
                Agreements.completeDraft(START, END, "teacher2", courses));
        assertThat(drafting.problemsOf(wrongSubject.getId())).singleElement().asString()
                .startsWith("AGR-11: the teacher of course 'English 9' 'teacher2' holds no credential valid on 2027-01-11 authorising English");

        AgreementVersion valid = scenarios.sentAgreement(student, "teacher");
        Long validCase = drafting.agreementOfVersion(valid.getId()).getCaseId();
        assertThat(caseRecord.timelineOf(validCase)).filteredOn(e -> "AGR-11".equals(e.getRuleId()))
                .singleElement().extracting(TimelineEntry::getDescription).asString()
                .contains("'teacher' holds CERTIFICATION_DOCUMENT SS-114233");
    }

    @Test
    @DisplayName("AGR-12 a later placement in the same school year gets a supplement referencing the signed master agreement")
    void supplementReferencesTheMaster() {
        Student student = scenarios.student("S200002");
        AgreementVersion master = scenarios.sentAgreement(student, "teacher");
        signatures.sign(master.getId(), SignerRole.STUDENT, RequiredSigner.studentIdentity(student.getId()),
                SignatureMethod.EMAIL_LINK);
        signatures.sign(master.getId(), SignerRole.SUPERVISING_TEACHER, "teacher", SignatureMethod.TASKLIST);

        Long laterCase = scenarios.openCase(student);
        LocalDate laterStart = LocalDate.of(2027, 4, 12);
        LocalDate laterEnd = LocalDate.of(2027, 5, 14);
        WrittenAgreement supplement = drafting.prepare(
                Agreements.traditional(laterCase, student.getId(), laterStart, laterEnd, true));

        assertThat(supplement.getKind()).isEqualTo(WrittenAgreement.Kind.SUPPLEMENT);
        assertThat(supplement.getMasterAgreementId()).isEqualTo(master.getAgreementId());
        AgreementVersion version = drafting.save(supplement.getId(),
                Agreements.completeDraft(laterStart, laterEnd, "teacher", List.of()));
        assertThat(version.content().masterAgreementId()).isEqualTo(master.getAgreementId());
        drafting.sendForSignature(version.getId(), null);
        assertThat(signatures.requiredSigners(version.getId(), laterStart)).extracting(RequiredSigner::role)
                .as("the same signing rules: the adult student and the supervising teacher")
                .containsExactly(SignerRole.STUDENT, SignerRole.SUPERVISING_TEACHER);
    }

    @Test
    @DisplayName("AGR-02 the printable PDF carries the student data, every element, the policy statements and the signature block")
    void printableAgreement() throws Exception {
        Student student = scenarios.student("S100011");
        AgreementVersion version = scenarios.sentAgreement(student, "teacher");
        signatures.sign(version.getId(), SignerRole.STUDENT, RequiredSigner.studentIdentity(student.getId()),
                SignatureMethod.EMAIL_LINK);
        Long caseId = drafting.agreementOfVersion(version.getId()).getCaseId();

        ResponseEntity<byte[]> response = Api.as(rest, "counselor")
                .getForEntity("/api/cases/{id}/agreement.pdf", byte[].class, caseId);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Independent Study Written Agreement", student.fullName(),
                student.getStudentNumber(), student.getAddress().singleLine(), student.getBirthDate().toString(),
                "Lincoln High School", "long-term traditional independent study", "From 2027-01-11 to 2027-03-26",
                "Weekly on Mondays at the school office", "Chromebook and hotspot on loan",
                "assignments are due no more than 7 calendar days after they are assigned",
                "Missing 3 assignments leads to an evaluation", AgreementDrafting.OPTIONAL_STATEMENT,
                "Supervising teacher", "Marcus Bell", "not yet signed", "(electronic, e-mailed link)",
                version.getContentSha256());
    }

    @Test
    @DisplayName("the agreement PDF of a case without an agreement is a 404 problem; families and analysts cannot fetch it")
    void pdfNotFoundAndForbidden() {
        Long caseId = scenarios.openCase(scenarios.student("S100012"));
        assertThat(Api.as(rest, "counselor").getForEntity("/api/cases/{id}/agreement.pdf", String.class, caseId)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.as(rest, "analyst").getForEntity("/api/cases/{id}/agreement.pdf", String.class, caseId)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
