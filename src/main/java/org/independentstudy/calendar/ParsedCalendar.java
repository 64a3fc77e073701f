package org.independentstudy.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One calendar file read by an importer (CAL-01): the school year, and every event that closes nothing, so that
 * the administrator sees what the file says beyond its closed days ({@link CalendarPreview}).
 *
 * @param schoolDayEvents events on school days that close nothing (back-to-school night, picture day)
 * @param skippedEvents   events not used, with the reason
 */
public record ParsedCalendar(SchoolYearCalendar calendar, List<SchoolDayEvent> schoolDayEvents,
                             List<SkippedEvent> skippedEvents) {

    /** A school day with an event on it; {@code time} is empty for an all-day event. */
    public record SchoolDayEvent(LocalDate date, LocalTime time, String event) {
    }

    /**
     * An event the import does not use. An unclassified one covers school days that nothing says are open or
     * closed (a summary no wording recognises, a timed event named like a holiday): they stay school days unless
     * the administrator corrects the file, so saving it needs a confirmation.
     *
     * @param where the event's number, summary and UID in the file (or the CSV line)
     */
    public record SkippedEvent(LocalDate date, String event, String where, String reason, boolean unclassified) {
    }

    public ParsedCalendar {
        schoolDayEvents = List.copyOf(schoolDayEvents);
        skippedEvents = List.copyOf(skippedEvents);
    }

    public List<SkippedEvent> unclassifiedEvents() {
        return skippedEvents.stream().filter(SkippedEvent::unclassified).toList();
    }
}
