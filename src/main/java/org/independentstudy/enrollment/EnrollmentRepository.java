package org.independentstudy.enrollment;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface EnrollmentRepository extends ListCrudRepository<Enrollment, Long> {

    List<Enrollment> findByStudentId(Long studentId);
}
