package org.independentstudy.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.Student;

/** AGR-06: who must sign an agreement, given the student, the placement and the signing date. */
public class SignerRequirements {

    private final Function<String, Optional<StaffMember>> staffByUsername;

    public SignerRequirements(Function<String, Optional<StaffMember>> staffByUsername) {
        this.staffByUsername = staffByUsername;
    }

    public List<RequiredSigner> requiredOn(AgreementContent content, Student student, List<Guardian> guardians,
                                           LocalDate signingDate) {
        List<RequiredSigner> signers = new ArrayList<>();
        signers.add(new RequiredSigner(SignerRole.STUDENT, RequiredSigner.studentIdentity(student.getId()),
                student.fullName(), familyEmail(guardians)));
        // AGR-06: a parent, guardian or caregiver signs while the student is under 18 on the signing date
        if (!student.isAdultOn(signingDate)) {
            guardians.forEach(g -> signers.add(new RequiredSigner(SignerRole.PARENT_OR_GUARDIAN,
                    RequiredSigner.guardianIdentity(g.getId()), g.getFullName(), g.getEmail())));
        }
        // AGR-06: course-based, every teacher of the enrolled courses; else the supervising teacher
        SignerRole teacherRole = content.courseBased() ? SignerRole.COURSE_TEACHER : SignerRole.SUPERVISING_TEACHER;
        teachersOf(content).forEach(username -> signers.add(staffSigner(teacherRole, username)));
        if (student.hasIep()) {
            signers.add(new RequiredSigner(SignerRole.SPECIAL_EDUCATION_DESIGNEE, null,
                    "Special-education designee", null));
        }
        return signers;
    }

    /** The teachers who sign in Tasklist: the supervising teacher, or each course teacher once. */
    public static List<String> teachersOf(AgreementContent content) {
        Stream<String> teachers = content.courseBased()
                ? content.courses().stream().map(AgreementContent.Course::teacher)
                : Stream.of(content.supervisingTeacher());
        return teachers.filter(t -> t != null && !t.isBlank()).distinct().toList();
    }

    private RequiredSigner staffSigner(SignerRole role, String username) {
        return staffByUsername.apply(username)
                .map(s -> new RequiredSigner(role, username, s.getFullName(), s.getEmail()))
                .orElse(new RequiredSigner(role, username, username, null));
    }

    /** An adult student's link goes to the family's first address on record; the student has none of their own. */
    private static String familyEmail(List<Guardian> guardians) {
        return guardians.stream().map(Guardian::getEmail).filter(e -> e != null && !e.isBlank()).findFirst()
                .orElse(null);
    }
}
