package org.independentstudy.people;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface StudentRepository extends ListCrudRepository<Student, Long> {

    @Query("select s from Student s where s.studentNumber = :studentNumber")
    Optional<Student> findByStudentNumber(@Param("studentNumber") String studentNumber);

    /**
     * The student's row, locked until the transaction ends: what a student may have only one of at a time
     * (an open case, a pending conference) is checked and written under it, so that of two requests at the
     * same moment the second waits and sees what the first wrote.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Student s where s.id = :id")
    Optional<Student> lockById(@Param("id") Long id);
}
