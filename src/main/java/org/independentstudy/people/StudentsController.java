package org.independentstudy.people;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.errors.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student and their family as staff need them to take a request: the guardian ids the request form asks for,
 * and the needs the placement and agreement are shaped by. Not for analysts: student records are protected.
 */
@RestController
class StudentsController {

    record GuardianView(Long id, String fullName, Guardian.Relationship relationship, String email, String phone) {
    }

    record StudentView(Long id, String studentNumber, String fullName, LocalDate birthDate, String grade,
                       String school, boolean iep, boolean section504Plan, boolean englishLearner,
                       boolean fosterYouth, boolean homeless, boolean homeHospital, List<GuardianView> guardians) {
    }

    private final StudentLookup students;
    private final GuardianRepository guardians;
    private final SchoolRepository schools;

    StudentsController(StudentLookup students, GuardianRepository guardians, SchoolRepository schools) {
        this.students = students;
        this.guardians = guardians;
        this.schools = schools;
    }

    @GetMapping("/api/students/{idOrNumber}")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'PRINCIPAL', 'TEACHER', 'SPECIAL_EDUCATION', 'ADMIN')")
    StudentView student(@PathVariable String idOrNumber) {
        Student s = students.byIdOrNumber(idOrNumber).orElseThrow(() -> new NotFoundException(
                "No student with id or student number '" + idOrNumber + "'"));
        String school = schools.findById(s.getSchoolId()).map(School::getName).orElse(null);
        List<GuardianView> family = guardians.findByStudentIdOrderById(s.getId()).stream()
                .map(g -> new GuardianView(g.getId(), g.getFullName(), g.getRelationship(), g.getEmail(), g.getPhone()))
                .toList();
        return new StudentView(s.getId(), s.getStudentNumber(), s.fullName(), s.getBirthDate(), s.getGrade().code(),
                school, s.hasIep(), s.hasSection504Plan(), s.isEnglishLearner(), s.isFosterYouth(), s.isHomeless(),
                s.receivesHomeHospitalInstruction(), family);
    }
}
