package org.independentstudy.records;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface CaseRepository extends ListCrudRepository<IndependentStudyCase, Long> {

    List<IndependentStudyCase> findByStudentIdOrderByOpenedAtDesc(Long studentId);
}
