package org.independentstudy.signing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.LocalDate;
import java.util.List;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.independentstudy.signing.TestAgreements.RecordedSignature;
import org.springframework.stereotype.Component;

/** A demo student's agreement sent out for signature, the family invited by e-mail, and what got signed. */
@Component
class FamilySigningScenario {

    private final TestAgreements agreements;
    private final SignatureInvitations invitations;
    private final StudentRepository students;
    private final GuardianRepository guardians;

    FamilySigningScenario(TestAgreements agreements, SignatureInvitations invitations, StudentRepository students,
                          GuardianRepository guardians) {
        this.agreements = agreements;
        this.invitations = invitations;
        this.students = students;
        this.guardians = guardians;
    }

    /** The version sent, the student, and the first parent/guardian/caregiver on record. */
    record Sent(SignatureRequest request, Student student, Guardian parent) {

        Long versionId() {
            return request.agreementVersionId();
        }

        String parentToken(GreenMailExtension mail) {
            return SigningMailbox.tokenFor(mail, parent.getEmail(), parent.getFullName());
        }

        /** The student's own link goes to the family's address: students have none on record. */
        String studentToken(GreenMailExtension mail) {
            return SigningMailbox.tokenFor(mail, parent.getEmail(), student.fullName());
        }
    }

    Sent sendToFamily(String studentNumber, LocalDate signingDeadline) {
        Student student = students.findByStudentNumber(studentNumber).orElseThrow();
        return invited(agreements.sendForSignature(student, signingDeadline), student);
    }

    /** The agreement edited after it went out: a new version to be signed again (AGR-08). */
    Sent sendEditedVersion(Sent previous) {
        return invited(agreements.newVersionOf(previous.request(), previous.student()), previous.student());
    }

    List<RecordedSignature> signaturesOf(Sent sent) {
        return agreements.signaturesOf(sent.versionId());
    }

    private Sent invited(SignatureRequest request, Student student) {
        invitations.inviteFamilySigners(request.agreementVersionId());
        return new Sent(request, student, guardians.findByStudentIdOrderById(student.getId()).get(0));
    }
}
