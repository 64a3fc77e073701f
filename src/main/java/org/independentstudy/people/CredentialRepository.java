package org.independentstudy.people;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface CredentialRepository extends ListCrudRepository<Credential, Long> {

    @Query("select c from Credential c where c.staffId = :staffId")
    List<Credential> findByStaffId(@Param("staffId") Long staffId);
}
