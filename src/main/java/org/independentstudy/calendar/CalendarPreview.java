package org.independentstudy.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.independentstudy.calendar.ParsedCalendar.SchoolDayEvent;
import org.independentstudy.calendar.ParsedCalendar.SkippedEvent;

/**
 * What importing a calendar file would store (CAL-01), for the administrator to check before it counts: every day
 * the file closes and the event that closed it, every school day with an event, every event skipped and why, and
 * the year's school days next to those of the year it would replace. A file in doubt is saved only on
 * confirmation: an unclassified event, or a school-day count that differs from the stored year's.
 *
 * @param replacesSchoolDays  the school days of the stored calendar of this year, or null when there is none
 * @param confirmationReasons why saving needs a confirmation; empty when it does not
 */
public record CalendarPreview(String schoolYear, LocalDate firstDay, LocalDate secondSemesterFirstDay,
                              LocalDate lastDay, int schoolDays, Integer replacesSchoolDays,
                              List<NonInstructionalDay> closedDays, List<SchoolDayEvent> schoolDayEvents,
                              List<SkippedEvent> skippedEvents, List<LocalDate> schoolMonthStarts,
                              boolean confirmationNeeded, List<String> confirmationReasons) {

    static CalendarPreview of(ParsedCalendar parsed, Integer replacesSchoolDays) {
        SchoolYearCalendar calendar = parsed.calendar();
        int schoolDays = calendar.countSchoolDays();
        List<String> reasons = new ArrayList<>();
        List<SkippedEvent> unclassified = parsed.unclassifiedEvents();
        if (!unclassified.isEmpty()) {
            reasons.add(unclassified.size() + " event(s) say neither that school is closed nor that it is open, so "
                    + "their days stay school days: " + unclassified.stream()
                    .map(event -> "'" + event.event() + "' on " + event.date()).collect(Collectors.joining(", ")));
        }
        if (replacesSchoolDays != null && replacesSchoolDays != schoolDays) {
            reasons.add("the file has " + schoolDays + " school days; the stored " + calendar.schoolYear()
                    + " calendar it replaces has " + replacesSchoolDays);
        }
        return new CalendarPreview(calendar.schoolYear(), calendar.firstDay(), calendar.secondSemesterFirstDay(),
                calendar.lastDay(), schoolDays, replacesSchoolDays, calendar.nonInstructionalDays(),
                parsed.schoolDayEvents(), parsed.skippedEvents(), calendar.schoolMonthStarts(), !reasons.isEmpty(),
                List.copyOf(reasons));
    }
}
