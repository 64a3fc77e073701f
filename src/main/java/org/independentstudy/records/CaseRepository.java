package org.independentstudy.records;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface CaseRepository extends ListCrudRepository<IndependentStudyCase, Long> {

    @Query("select c from IndependentStudyCase c where c.studentId = :studentId order by c.openedAt desc")
    List<IndependentStudyCase> findByStudentIdOrderByOpenedAtDesc(@Param("studentId") Long studentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from IndependentStudyCase c where c.id = :id")
    Optional<IndependentStudyCase> lockById(@Param("id") Long id);
}
