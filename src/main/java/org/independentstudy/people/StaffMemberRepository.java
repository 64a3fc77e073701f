package org.independentstudy.people;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

public interface StaffMemberRepository extends ListCrudRepository<StaffMember, Long> {

    @Query("select s from StaffMember s where s.username = :username")
    Optional<StaffMember> findByUsername(@Param("username") String username);

    @Query("select s from StaffMember s where s.schoolId = :schoolId and s.role = :role order by s.fullName")
    List<StaffMember> findBySchoolIdAndRoleOrderByFullName(@Param("schoolId") Long schoolId,
                                                           @Param("role") StaffMember.Role role);
}
