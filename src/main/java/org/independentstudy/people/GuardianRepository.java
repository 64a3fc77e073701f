package org.independentstudy.people;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface GuardianRepository extends ListCrudRepository<Guardian, Long> {

    List<Guardian> findByStudentIdOrderById(Long studentId);
}
