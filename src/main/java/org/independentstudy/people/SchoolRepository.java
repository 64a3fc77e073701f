package org.independentstudy.people;

import org.springframework.data.repository.ListCrudRepository;

public interface SchoolRepository extends ListCrudRepository<School, Long> {
}
