package org.independentstudy.people;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface CredentialRepository extends ListCrudRepository<Credential, Long> {

    List<Credential> findByStaffId(Long staffId);
}
