package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.agreement.SignerRole.COURSE_TEACHER;
import static org.independentstudy.agreement.SignerRole.PARENT_OR_GUARDIAN;
import static org.independentstudy.agreement.SignerRole.SPECIAL_EDUCATION_DESIGNEE;
import static org.independentstudy.agreement.SignerRole.STUDENT;
import static org.independentstudy.agreement.SignerRole.SUPERVISING_TEACHER;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.independentstudy.enrollment.Placement;
import org.independentstudy.people.Address;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.Student;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class SignerRequirementsTest {

    private static final Address HOME = new Address("77 Harbor Ln", "Long Beach", "90802");
    private static final LocalDate START = LocalDate.of(2026, 12, 1);
    private static final LocalDate END = LocalDate.of(2027, 3, 1);

    private final SignerRequirements requirements = new SignerRequirements(username -> Optional.empty());

    private static Student student(LocalDate birthDate, boolean iep) {
        Student student = new Student("S200001", "Jordan", "Reyes", birthDate, Grade.G12, HOME, 3L)
                .withNeeds(iep, false, false, false, false, false);
        ReflectionTestUtils.setField(student, "id", 41L);
        return student;
    }

    private static Guardian guardian(long id, String name, Guardian.Relationship relationship) {
        Guardian guardian = new Guardian(41L, name, relationship, name.split(" ")[0].toLowerCase() + "@example.org",
                null, HOME);
        ReflectionTestUtils.setField(guardian, "id", id);
        return guardian;
    }

    private static AgreementContent traditional() {
        Placement placement = Agreements.traditional(1L, 41L, START, END, true);
        return Agreements.contentOf(placement, Agreements.completeDraft(START, END, "teacher", List.of()));
    }

    private static List<SignerRole> roles(List<RequiredSigner> signers) {
        return signers.stream().map(RequiredSigner::role).toList();
    }

    @Test
    @DisplayName("AGR-06 a student turning 18 between drafting and signing: on 2027-01-14 the parent signs, on 2027-01-15 not")
    void parentSignsOnlyWhileTheStudentIsAMinor() {
        Student turning18 = student(LocalDate.of(2009, 1, 15), false);
        List<Guardian> parent = List.of(guardian(7L, "Maria Reyes", Guardian.Relationship.PARENT));

        List<RequiredSigner> dayBefore = requirements.requiredOn(traditional(), turning18, parent,
                LocalDate.of(2027, 1, 14));
        assertThat(roles(dayBefore)).containsExactly(STUDENT, PARENT_OR_GUARDIAN, SUPERVISING_TEACHER);
        assertThat(dayBefore.get(1)).isEqualTo(new RequiredSigner(PARENT_OR_GUARDIAN, "guardian:7", "Maria Reyes",
                "maria@example.org"));

        assertThat(roles(requirements.requiredOn(traditional(), turning18, parent, LocalDate.of(2027, 1, 15))))
                .containsExactly(STUDENT, SUPERVISING_TEACHER);
    }

    @Test
    @DisplayName("AGR-06 every course teacher signs a course-based agreement once, and the special-education designee signs for a student with an IEP")
    void courseTeachersAndSpecialEducationDesignee() {
        LocalDate start = LocalDate.of(2026, 9, 1);
        LocalDate end = LocalDate.of(2027, 1, 14);
        Placement placement = Agreements.courseBased(1L, 41L, start, end);
        AgreementContent content = Agreements.contentOf(placement, Agreements.completeDraft(start, end, "teacher",
                List.of(Agreements.course("Algebra I", "Mathematics", "teacher2", start, end),
                        Agreements.course("Biology", "Science", "teacher2", start, end),
                        Agreements.course("English 9", "English", "teacher", start, end))));
        List<Guardian> twoGuardians = List.of(guardian(7L, "Ana Lopez", Guardian.Relationship.PARENT),
                guardian(8L, "Alex Lopez", Guardian.Relationship.CAREGIVER));

        List<RequiredSigner> signers = requirements.requiredOn(content, student(LocalDate.of(2011, 5, 5), true),
                twoGuardians, start);

        assertThat(roles(signers)).containsExactly(STUDENT, PARENT_OR_GUARDIAN, PARENT_OR_GUARDIAN, COURSE_TEACHER,
                COURSE_TEACHER, SPECIAL_EDUCATION_DESIGNEE);
        assertThat(signers.stream().filter(s -> s.role() == COURSE_TEACHER).map(RequiredSigner::identity))
                .containsExactly("teacher2", "teacher");
        // one guardian's signature is the family's permission; either may give it
        assertThat(signers.get(2).isSignedBy(PARENT_OR_GUARDIAN, "guardian:7")).isTrue();
        assertThat(signers.get(5).isSignedBy(SPECIAL_EDUCATION_DESIGNEE, "sped")).isTrue();
        assertThat(signers.get(3).isSignedBy(COURSE_TEACHER, "teacher")).isFalse();
    }
}
