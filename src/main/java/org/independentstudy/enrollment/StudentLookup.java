package org.independentstudy.enrollment;

import java.util.Optional;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.springframework.stereotype.Component;

/** Staff name a student by database id or by student number ("S100001"), whichever they have at hand. */
@Component
class StudentLookup {

    private final StudentRepository students;

    StudentLookup(StudentRepository students) {
        this.students = students;
    }

    Optional<Student> byIdOrNumber(String idOrNumber) {
        if (idOrNumber == null || idOrNumber.isBlank()) {
            return Optional.empty();
        }
        String key = idOrNumber.strip();
        return key.chars().allMatch(Character::isDigit) ? students.findById(Long.valueOf(key))
                : students.findByStudentNumber(key);
    }
}
