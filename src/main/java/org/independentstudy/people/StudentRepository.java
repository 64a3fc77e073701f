package org.independentstudy.people;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface StudentRepository extends ListCrudRepository<Student, Long> {

    Optional<Student> findByStudentNumber(String studentNumber);
}
