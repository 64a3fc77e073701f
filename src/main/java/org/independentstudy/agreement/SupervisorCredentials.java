package org.independentstudy.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.independentstudy.people.Credential;
import org.independentstudy.people.CredentialRepository;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.springframework.stereotype.Component;

/**
 * AGR-11: the supervising teacher holds a valid certification document (EC 44865) or emergency credential
 * (EC 44300) on the agreement's start date; for course-based study each course teacher holds one authorising
 * the course's subject.
 */
@Component
public class SupervisorCredentials {

    private final StaffMemberRepository staff;
    private final CredentialRepository credentials;

    SupervisorCredentials(StaffMemberRepository staff, CredentialRepository credentials) {
        this.staff = staff;
        this.credentials = credentials;
    }

    public List<String> problemsOf(AgreementContent content, LocalDate on) {
        return assignmentsOf(content).stream().filter(a -> validCredential(a, on).isEmpty())
                .map(a -> "AGR-11: the " + a.description() + " '" + a.username() + "' holds no credential valid on "
                        + on + (a.subject() == null ? "" : " authorising " + a.subject())
                        + " (certification document EC 44865 or emergency credential EC 44300)")
                .toList();
    }

    /**
     * AGR-11: the school's teachers who hold a certification document or emergency credential valid on the day, by
     * name: whom a drafter may choose as the supervising teacher.
     */
    public List<StaffMember> credentialedTeachers(Long schoolId, LocalDate on) {
        return staff.findBySchoolIdAndRoleOrderByFullName(schoolId, StaffMember.Role.TEACHER).stream()
                .filter(teacher -> credentials.findByStaffId(teacher.getId()).stream().anyMatch(c -> c.isValidOn(on)))
                .toList();
    }

    /** AGR-11 / REC-05: the credential each assigned teacher holds, as recorded on the case when assigned. */
    public List<String> recordOf(AgreementContent content, LocalDate on) {
        return assignmentsOf(content).stream()
                .flatMap(a -> validCredential(a, on).stream().map(c -> "the " + a.description() + " '" + a.username()
                        + "' holds " + c.getCredentialType() + " " + c.getDocumentNumber() + " valid until "
                        + c.getExpiresOn()))
                .toList();
    }

    private record Assignment(String username, String subject, String description) {
    }

    private static List<Assignment> assignmentsOf(AgreementContent content) {
        List<Assignment> assignments = new ArrayList<>();
        if (present(content.supervisingTeacher())) {
            assignments.add(new Assignment(content.supervisingTeacher(), null, "supervising teacher"));
        }
        if (content.courseBased()) {
            content.courses().stream().filter(c -> present(c.teacher()) && present(c.subject()))
                    .forEach(c -> assignments.add(new Assignment(c.teacher(), c.subject(),
                            "teacher of course '" + c.name() + "'")));
        }
        return assignments;
    }

    private Optional<Credential> validCredential(Assignment assignment, LocalDate on) {
        return staff.findByUsername(assignment.username()).stream()
                .flatMap(member -> credentials.findByStaffId(member.getId()).stream())
                .filter(c -> c.isValidOn(on) && (assignment.subject() == null || c.authorizesSubject(assignment.subject())))
                .findFirst();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
