package org.independentstudy.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface StaffMemberRepository extends ListCrudRepository<StaffMember, Long> {

    Optional<StaffMember> findByUsername(String username);

    List<StaffMember> findBySchoolIdAndRoleOrderByFullName(Long schoolId, StaffMember.Role role);
}
