package org.independentstudy.calendar;

import java.util.List;

/**
 * One calendar file read by an importer (CAL-01).
 *
 * @param warnings entries that were skipped on purpose (e.g. iCalendar events that mark nothing),
 *                 shown to the administrator so nothing is dropped silently
 */
public record ParsedCalendar(SchoolYearCalendar calendar, List<String> warnings) {

    public ParsedCalendar {
        warnings = List.copyOf(warnings);
    }
}
