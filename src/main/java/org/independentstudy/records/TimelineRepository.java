package org.independentstudy.records;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Append-only: no update or delete is offered (REC-07). */
public interface TimelineRepository extends Repository<TimelineEntry, Long> {

    TimelineEntry save(TimelineEntry entry);

    @Query("select e from TimelineEntry e where e.caseId = :caseId order by e.id asc")
    List<TimelineEntry> findByCaseIdOrderByIdAsc(@Param("caseId") Long caseId);
}
