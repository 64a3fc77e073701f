package org.independentstudy.records;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Append-only: no update or delete is offered (REC-07). */
public interface TimelineRepository extends Repository<TimelineEntry, Long> {

    TimelineEntry save(TimelineEntry entry);

    List<TimelineEntry> findByCaseIdOrderByIdAsc(Long caseId);
}
