package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.List;
import org.independentstudy.agreement.AgreementDraft;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementSignature;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.AgreementVersion;
import org.independentstudy.enrollment.Placement;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Component;

/**
 * A demo student's long-term agreement drafted and sent for signature through the agreement domain; the
 * family's links go out on its event, to the in-process mail server.
 */
@Component
class FamilySigningScenario {

    static final LocalDate START = LocalDate.of(2027, 1, 11);
    private static final LocalDate END = LocalDate.of(2027, 3, 26);

    private final AgreementDrafting drafting;
    private final AgreementSignatures signatures;
    private final CaseRecord caseRecord;
    private final StudentRepository students;
    private final GuardianRepository guardians;

    FamilySigningScenario(AgreementDrafting drafting, AgreementSignatures signatures, CaseRecord caseRecord,
                          StudentRepository students, GuardianRepository guardians) {
        this.drafting = drafting;
        this.signatures = signatures;
        this.caseRecord = caseRecord;
        this.students = students;
        this.guardians = guardians;
    }

    /** The version sent, the student, and the first parent/guardian/caregiver on record. */
    record Sent(Long caseId, Long agreementId, Long versionId, Student student, Guardian parent) {

        String parentToken(GreenMailExtension mail) {
            return SigningMailbox.tokenFor(mail, parent.getEmail(), parent.getFullName());
        }

        /** The student's own link goes to the family's address: students have none on record. */
        String studentToken(GreenMailExtension mail) {
            return SigningMailbox.tokenFor(mail, parent.getEmail(), student.fullName());
        }
    }

    Sent sendToFamily(String studentNumber) {
        return sendToFamily(studentNumber, START);
    }

    /** A long-term placement from the first day: AGR-07, it is signed before that day. */
    Sent sendToFamily(String studentNumber, LocalDate firstDay) {
        Student student = students.findByStudentNumber(studentNumber).orElseThrow();
        Long caseId = caseRecord.open(student.getId(), student.getSchoolId(),
                CaseEvent.of("requestReceived", "The family asked for independent study")).getId();
        Long agreementId = drafting.prepare(new Placement(caseId, student.getId(), Placement.Program.TRADITIONAL,
                true, firstDay, END, 40, 0, "BP6158-2022", false, null, false, false)).getId();
        return sent(agreementId, drafting.save(agreementId, draft(firstDay, "Weekly on Mondays")), student);
    }

    /** The agreement edited after it went out: a new version to be signed again (AGR-08). */
    Sent sendEditedVersion(Sent previous) {
        drafting.reopenForRevision(previous.versionId(), "the family asked for another submission day");
        AgreementVersion edited = drafting.save(previous.agreementId(), draft(START, "Weekly on Thursdays"));
        return sent(previous.agreementId(), edited, previous.student());
    }

    /** AGR-07: the principal ended the placement; the version out for signature is withdrawn. */
    void withdrawUnsigned(Sent sent) {
        drafting.withdrawUnsigned(sent.versionId());
    }

    List<AgreementSignature> signaturesOf(Sent sent) {
        return signatures.signaturesOf(sent.versionId());
    }

    private Sent sent(Long agreementId, AgreementVersion version, Student student) {
        assertThat(drafting.problemsOf(version.getId())).isEmpty();
        drafting.sendForSignature(version.getId(), null);
        return new Sent(drafting.agreementOfVersion(version.getId()).getCaseId(), agreementId, version.getId(),
                student, guardians.findByStudentIdOrderById(student.getId()).get(0));
    }

    private static AgreementDraft draft(LocalDate firstDay, String submission) {
        return new AgreementDraft(firstDay, END, submission + " at the school office; progress report every two "
                + "weeks by e-mail to the parent", "Grade-level standards through the online curriculum",
                "Teacher review of work products and a unit test every three weeks",
                "Progress is measured per unit", "Chromebook and hotspot on loan", "5 credits per semester course",
                "Weekly check-in with the counselor", "teacher", List.of());
    }
}
