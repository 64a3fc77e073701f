package org.independentstudy.policy;

import org.springframework.data.repository.ListCrudRepository;

public interface DistrictPolicyRepository extends ListCrudRepository<DistrictPolicy, String> {
}
