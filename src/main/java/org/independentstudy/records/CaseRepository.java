package org.independentstudy.records;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface CaseRepository extends ListCrudRepository<IndependentStudyCase, Long> {

    @Query("select c from IndependentStudyCase c where c.studentId = :studentId order by c.openedAt desc")
    List<IndependentStudyCase> findByStudentIdOrderByOpenedAtDesc(@Param("studentId") Long studentId);
}
