package org.independentstudy.enrollment;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface EnrollmentRepository extends ListCrudRepository<Enrollment, Long> {

    @Query("select e from Enrollment e where e.studentId = :studentId")
    List<Enrollment> findByStudentId(@Param("studentId") Long studentId);
}
