package org.independentstudy.people;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Staff name a student by database id or by student number ("S100001"), whichever they have at hand. */
@Component
public class StudentLookup {

    private final StudentRepository students;

    StudentLookup(StudentRepository students) {
        this.students = students;
    }

    public Optional<Student> byIdOrNumber(String idOrNumber) {
        if (idOrNumber == null || idOrNumber.isBlank()) {
            return Optional.empty();
        }
        String key = idOrNumber.strip();
        return key.chars().allMatch(Character::isDigit) ? students.findById(Long.valueOf(key))
                : students.findByStudentNumber(key);
    }
}
