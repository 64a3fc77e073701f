package org.independentstudy.calendar;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the stored calendars into the {@link SchoolCalendar} snapshot (at startup and after imports). */
@Component
public class SchoolCalendarLoader {

    private final SchoolYearCalendarRepository repository;
    private final SchoolCalendar schoolCalendar;

    public SchoolCalendarLoader(SchoolYearCalendarRepository repository, SchoolCalendar schoolCalendar) {
        this.repository = repository;
        this.schoolCalendar = schoolCalendar;
    }

    /** @return the school years now loaded, oldest first */
    @Transactional(readOnly = true)
    public List<SchoolYear> reload() {
        schoolCalendar.load(repository.findAllByOrderByFirstDayAsc().stream()
                .map(SchoolYearCalendarEntity::toCalendar).toList());
        return schoolCalendar.loadedSchoolYears();
    }
}
