package org.independentstudy.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.independentstudy.people.Address;
import org.independentstudy.people.Credential;
import org.independentstudy.people.CredentialRepository;
import org.independentstudy.people.Grade;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.School;
import org.independentstudy.people.SchoolRepository;
import org.independentstudy.people.StaffMember.Role;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.security.Roles;
import org.independentstudy.security.SchoolScopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A demo district: three schools, three dozen students with guardians, staff of every role with logins
 * (password {@value #PASSWORD}) and credentials. Loaded once into an empty database when
 * {@code isp.demo-data.enabled}; never in production.
 */
@Component
@ConditionalOnProperty(name = "isp.demo-data.enabled", havingValue = "true")
public class DemoDistrict {

    public static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    private static final List<String> FIRST_NAMES = List.of("Sofia", "Mateo", "Olivia", "Liam", "Camila",
            "Noah", "Isabella", "Ethan", "Mia", "Lucas", "Amelia", "Daniel", "Harper", "Diego", "Evelyn", "Jayden",
            "Abigail", "Adrian", "Emily", "Gabriel", "Ava", "Julian", "Luna", "Aaron", "Chloe", "Elijah",
            "Valeria", "Kai", "Nora", "Santiago", "Zoe", "Isaac", "Aria", "Leo", "Layla", "Ezra");
    private static final List<String> LAST_NAMES = List.of("Garcia", "Nguyen", "Johnson", "Martinez", "Kim",
            "Lopez", "Williams", "Hernandez", "Patel", "Brown", "Gonzalez", "Chen");
    private static final List<String> STREETS = List.of("Pine Ave", "Atlantic Blvd", "Ocean View Dr",
            "Cherry St", "Magnolia Way", "Orange Ave");

    private final SchoolRepository schools;
    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final StaffMemberRepository staff;
    private final CredentialRepository credentials;
    private final IdentityService identity;
    private final SchoolScopes scopes;

    /** Demo staff who work their own school's cases only (the others work the whole district's). */
    private static final Set<String> OWN_SCHOOL_ONLY = Set.of("counselor2", "principal2", "principal3");

    DemoDistrict(SchoolRepository schools, StudentRepository students, GuardianRepository guardians,
                 StaffMemberRepository staff, CredentialRepository credentials, IdentityService identity,
                 SchoolScopes scopes) {
        this.scopes = scopes;
        this.schools = schools;
        this.students = students;
        this.guardians = guardians;
        this.staff = staff;
        this.credentials = credentials;
        this.identity = identity;
    }

    @Order(1)
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void load() {
        if (schools.count() > 0) {
            return;
        }
        School elementary = schools.save(new School("JEF", "Jefferson Elementary School", "TK", "5"));
        School middle = schools.save(new School("ROO", "Roosevelt Middle School", "6", "8"));
        School high = schools.save(new School("LIN", "Lincoln High School", "9", "12"));
        loadStudents(elementary, middle, high);
        loadStaff(elementary, middle, high);
        log.info("Demo district loaded: {} schools, {} students, {} staff (password '{}')",
                schools.count(), students.count(), staff.count(), PASSWORD);
    }

    private void loadStudents(School elementary, School middle, School high) {
        // grade and birth year chosen so ages are realistic on 2026-09-01
        List<Grade> grades = List.of(Grade.TK, Grade.K, Grade.G1, Grade.G2, Grade.G3, Grade.G4, Grade.G5,
                Grade.G6, Grade.G7, Grade.G8, Grade.G9, Grade.G10, Grade.G11, Grade.G12);
        for (int i = 0; i < FIRST_NAMES.size(); i++) {
            Grade grade = grades.get(i % grades.size());
            School school = grade.compareTo(Grade.G5) <= 0 ? elementary : grade.compareTo(Grade.G8) <= 0 ? middle : high;
            int ageOnSeptemberFirst = grade.ordinal() + 4;
            LocalDate birth = LocalDate.of(2026 - ageOnSeptemberFirst, 1 + (i * 5) % 12, 1 + (i * 7) % 28);
            String last = LAST_NAMES.get(i % LAST_NAMES.size());
            Address address = new Address((100 + i * 17) + " " + STREETS.get(i % STREETS.size()), "Long Beach",
                    "908" + String.format("%02d", i % 16));
            Student student = new Student("S" + (100001 + i), FIRST_NAMES.get(i), last, birth, grade, address,
                    school.getId())
                    .withNeeds(i % 9 == 3, i % 11 == 5, i % 4 == 1, i == 7, i == 13, i == 20);
            students.save(student);
            guardians.save(new Guardian(student.getId(), parentName(i, last), Guardian.Relationship.PARENT,
                    "family" + (100001 + i) + "@example.org", "(562) 555-" + (1000 + i), address));
            if (i % 5 == 2) {
                guardians.save(new Guardian(student.getId(), "Alex " + last, Guardian.Relationship.GUARDIAN,
                        "guardian" + (100001 + i) + "@example.org", "(562) 555-" + (2000 + i), address));
            }
        }
        // edge cases the team demonstrates: a student who turns 18 during the school year, an adult student
        Address address = new Address("77 Harbor Ln", "Long Beach", "90802");
        Student turning18 = students.save(new Student("S200001", "Jordan", "Reyes", LocalDate.of(2009, 1, 15),
                Grade.G12, address, high.getId()));
        guardians.save(new Guardian(turning18.getId(), "Maria Reyes", Guardian.Relationship.PARENT,
                "maria.reyes@example.org", "(562) 555-3001", address));
        Student adult = students.save(new Student("S200002", "Taylor", "Brooks", LocalDate.of(2007, 10, 2),
                Grade.G12, address, high.getId()));
        guardians.save(new Guardian(adult.getId(), "Chris Brooks", Guardian.Relationship.CAREGIVER,
                "chris.brooks@example.org", "(562) 555-3002", address));
    }

    private static String parentName(int i, String last) {
        return List.of("Ana", "Minh", "Sarah", "Jose", "Grace", "Luis").get(i % 6) + " " + last;
    }

    private void loadStaff(School elementary, School middle, School high) {
        LocalDate issued = LocalDate.of(2020, 7, 1);
        LocalDate expires = LocalDate.of(2030, 6, 30);
        person("counselor", "Dana Whitfield", Role.COUNSELOR, high, Roles.COUNSELORS_GROUP);
        person("counselor2", "Omar Haddad", Role.COUNSELOR, elementary, Roles.COUNSELORS_GROUP);
        person("principal", "Patricia Okafor", Role.PRINCIPAL, high, Roles.PRINCIPALS_GROUP);
        person("principal2", "Henry Castillo", Role.PRINCIPAL, elementary, Roles.PRINCIPALS_GROUP);
        person("principal3", "Ruth Ambrose", Role.PRINCIPAL, middle, Roles.PRINCIPALS_GROUP);
        person("analyst", "Sam Lindqvist", Role.ANALYST, null, Roles.ANALYSTS_GROUP);
        person("admin", "Ivy Tran", Role.ADMIN, null, Roles.ADMINS_GROUP, "camunda-admin");
        StaffMember sped = person("sped", "Nadia Flores", Role.SPECIAL_EDUCATION, null,
                Roles.SPECIAL_EDUCATION_GROUP);
        credential(sped, Credential.Type.CERTIFICATION_DOCUMENT, "ED-SPED-2001", Set.of("Special Education"),
                issued, expires);

        StaffMember teacher = person("teacher", "Marcus Bell", Role.TEACHER, high, Roles.TEACHERS_GROUP);
        credential(teacher, Credential.Type.CERTIFICATION_DOCUMENT, "SS-114233", Set.of("English", "History"),
                issued, expires);
        StaffMember math = person("teacher2", "Linh Pham", Role.TEACHER, high, Roles.TEACHERS_GROUP);
        credential(math, Credential.Type.CERTIFICATION_DOCUMENT, "SS-220871", Set.of("Mathematics", "Science"),
                issued, expires);
        StaffMember multiple = person("teacher3", "Grace Holloway", Role.TEACHER, elementary, Roles.TEACHERS_GROUP);
        credential(multiple, Credential.Type.CERTIFICATION_DOCUMENT, "MS-330412", Set.of("Multiple Subject"),
                issued, expires);
        StaffMember emergency = person("teacher4", "Peter Novak", Role.TEACHER, middle, Roles.TEACHERS_GROUP);
        credential(emergency, Credential.Type.EMERGENCY_CREDENTIAL, "EM-901122", Set.of("Multiple Subject"),
                LocalDate.of(2026, 7, 1), LocalDate.of(2027, 6, 30));
        StaffMember lapsed = person("teacher5", "Evan Ross", Role.TEACHER, middle, Roles.TEACHERS_GROUP);
        credential(lapsed, Credential.Type.CERTIFICATION_DOCUMENT, "SS-100200", Set.of("Mathematics"),
                LocalDate.of(2019, 7, 1), LocalDate.of(2024, 6, 30));
        person("teacher6", "Uncredentialed Aide", Role.TEACHER, elementary, Roles.TEACHERS_GROUP);
    }

    private StaffMember person(String username, String fullName, Role role, School school, String... groups) {
        String email = username + "@district.example";
        StaffMember member = staff.save(new StaffMember(username, fullName, email, role,
                school == null ? null : school.getId()));
        if (identity.createUserQuery().userId(username).count() == 0) {
            User user = identity.newUser(username);
            String[] names = fullName.split(" ", 2);
            user.setFirstName(names[0]);
            user.setLastName(names.length > 1 ? names[1] : "");
            user.setEmail(email);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(username, group);
                if (SchoolScopes.CASE_ROLE_GROUPS.contains(group)) {
                    // issue 12.4: who works which school's cases in Tasklist; most demo staff are district-wide so
                    // one login walks every demo case, counselor2, principal2 and principal3 their own school
                    scopes.join(username, group, OWN_SCHOOL_ONLY.contains(username) ? school.getCode() : null);
                }
            }
        }
        return member;
    }

    private void credential(StaffMember member, Credential.Type type, String number, Set<String> subjects,
                            LocalDate issued, LocalDate expires) {
        credentials.save(new Credential(member.getId(), type, number, subjects, issued, expires));
    }
}
