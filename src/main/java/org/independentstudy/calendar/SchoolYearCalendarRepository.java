package org.independentstudy.calendar;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SchoolYearCalendarRepository extends JpaRepository<SchoolYearCalendarEntity, Long> {

    Optional<SchoolYearCalendarEntity> findBySchoolYear(String schoolYear);

    boolean existsBySchoolYear(String schoolYear);

    /** Every calendar with its days in one query, for the in-memory snapshot. */
    @EntityGraph(attributePaths = "nonInstructionalDays", type = EntityGraph.EntityGraphType.LOAD)
    List<SchoolYearCalendarEntity> findAllByOrderByFirstDayAsc();
}
