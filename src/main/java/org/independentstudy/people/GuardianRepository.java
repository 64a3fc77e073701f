package org.independentstudy.people;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface GuardianRepository extends ListCrudRepository<Guardian, Long> {

    @Query("select g from Guardian g where g.studentId = :studentId order by g.id")
    List<Guardian> findByStudentIdOrderById(@Param("studentId") Long studentId);
}
