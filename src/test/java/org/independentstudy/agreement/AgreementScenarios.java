package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.FamilyRequests;
import org.independentstudy.enrollment.PlacementLifecycle;
import org.independentstudy.enrollment.ResourceNeeds;
import org.independentstudy.people.Address;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Component;

/** Cases and agreements of demo students, for the Spring tests of the agreement. */
@Component
public class AgreementScenarios {

    public static final LocalDate START = LocalDate.of(2027, 1, 11);
    public static final LocalDate END = LocalDate.of(2027, 3, 26);

    private final AgreementDrafting drafting;
    private final AgreementSignatures signatures;
    private final CaseRecord caseRecord;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final FamilyRequests familyRequests;
    private final PlacementLifecycle placementLifecycle;
    private final Clock clock;

    AgreementScenarios(AgreementDrafting drafting, AgreementSignatures signatures, CaseRecord caseRecord,
                       StudentRepository students, GuardianRepository guardians, FamilyRequests familyRequests,
                       PlacementLifecycle placementLifecycle, Clock clock) {
        this.drafting = drafting;
        this.signatures = signatures;
        this.caseRecord = caseRecord;
        this.students = students;
        this.guardians = guardians;
        this.familyRequests = familyRequests;
        this.placementLifecycle = placementLifecycle;
        this.clock = clock;
    }

    public Student student(String studentNumber) {
        return students.findByStudentNumber(studentNumber).orElseThrow();
    }

    public Long openCase(Student student) {
        return caseRecord.open(student.getId(), student.getSchoolId(),
                CaseEvent.of("requestReceived", "The family asked for independent study")).getId();
    }

    /**
     * A case registered by the family's request (without its case process) and its placement type decided,
     * as the case process has it when it calls the written-agreement process. The family lacks a device and
     * internet access (ENR-10).
     */
    public Long enrolledCase(Student student, FamilyRequest.PreferredPlacement preferred, LocalDate start, LocalDate end) {
        Long guardianId = guardians.findByStudentIdOrderById(student.getId()).get(0).getId();
        return enrolledCase(new FamilyRequest(student.getStudentNumber(), guardianId, false,
                FamilyRequest.ReceivedVia.PHONE, LocalDate.now(clock), "Family travel", start, end, preferred,
                false, null, false, new ResourceNeeds(true, true, null), null, FamilyRequest.SuspensionReferral.NONE, false, false,
                null));
    }

    /** A case registered by the given request, its placement type decided. */
    public Long enrolledCase(FamilyRequest request) {
        Long caseId = familyRequests.register(request).caseId();
        placementLifecycle.decideType(caseId);
        return caseId;
    }

    /**
     * A minor of Lincoln High whose family gave no e-mail address (AGR-06: they sign in person or on paper),
     * with one parent on record, or none when {@code parentName} is null.
     */
    public Student familyWithoutEmail(String studentNumber, String parentName) {
        Student classmate = student("S100011");
        Address address = new Address("12 Cedar Ct", "Long Beach", "90803");
        Student student = students.save(new Student(studentNumber, "Rosa", "Mendez", LocalDate.of(2011, 3, 1),
                Grade.G9, address, classmate.getSchoolId()));
        if (parentName != null) {
            guardians.save(new Guardian(student.getId(), parentName, Guardian.Relationship.PARENT, null,
                    "(562) 555-4100", address));
        }
        return student;
    }

    /** A valid long-term traditional agreement, sent for signature, for a new case of the student. */
    public AgreementVersion sentAgreement(Student student, String supervisingTeacher) {
        return sentAgreement(openCase(student), student, supervisingTeacher);
    }

    /** The same agreement for the student's case. */
    public AgreementVersion sentAgreement(Long caseId, Student student, String supervisingTeacher) {
        WrittenAgreement agreement = drafting.prepare(Agreements.traditional(caseId, student.getId(), START, END, true));
        AgreementVersion version = drafting.save(agreement.getId(),
                Agreements.completeDraft(START, END, supervisingTeacher, List.of()));
        assertThat(drafting.problemsOf(version.getId())).isEmpty();
        drafting.sendForSignature(version.getId(), null);
        return version;
    }

    /** Where the family's signing links go: the first parent's address (students have none on record). */
    public String familyEmailOf(Student student) {
        return guardians.findByStudentIdOrderById(student.getId()).get(0).getEmail();
    }

    /** The identity in which the first required signer of the role signs the version. */
    public String identityOf(Long versionId, SignerRole role) {
        return signatures.requiredSigners(versionId, LocalDate.of(2026, 12, 1)).stream()
                .filter(r -> r.role() == role).findFirst().orElseThrow().identity();
    }
}
