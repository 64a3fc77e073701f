package org.independentstudy.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Duration;

/**
 * Imports a school year from an iCalendar file (CAL-01), e.g. the .ics a district publishes for families.
 * Convention:
 * <ul>
 *   <li>Only VEVENTs with an all-day DTSTART ({@code VALUE=DATE}) are read; DTEND is exclusive as in
 *       RFC 5545 (a one-day event ends the next day); without DTEND (or with DTEND = DTSTART) the event is
 *       one day; a DURATION is honoured. Recurring events (RRULE/RDATE) are rejected: list each day.</li>
 *   <li>The event's CATEGORIES classify it: FIRST_DAY, LAST_DAY, SEMESTER_2_START (single days) or
 *       HOLIDAY, BREAK, STAFF_DAY, OTHER (non-instructional days); case-insensitive, hyphens or spaces for
 *       underscores. SCHOOL_DAY or INSTRUCTIONAL marks an event on a school day that is to be ignored.</li>
 *   <li>Without such a category, the SUMMARY decides (case-insensitive): "first day of school/instruction",
 *       "last day of school/instruction", "second semester"/"semester 2" (begins), "staff development",
 *       "professional development" or "pupil-free" (staff day), "break" or "recess" (break),
 *       "holiday" or "no school" (holiday).</li>
 *   <li>Any other event (back-to-school night, minimum days) is a school day and is skipped with a
 *       warning naming it, so the administrator can see what was not used.</li>
 * </ul>
 */
@org.springframework.stereotype.Component
public class CalendarIcsImporter implements CalendarFileImporter {

    private static final Set<String> SCHOOL_DAY_CATEGORIES = Set.of("SCHOOL_DAY", "INSTRUCTIONAL");

    @Override
    public boolean accepts(String fileName, String contentType) {
        if (fileName != null && fileName.contains(".")) {
            String name = fileName.toLowerCase(Locale.ROOT);
            return name.endsWith(".ics") || name.endsWith(".ical") || name.endsWith(".icalendar");
        }
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/calendar");
    }

    @Override
    public ParsedCalendar parse(String source, InputStream content) {
        Calendar calendar = build(source, content);
        CalendarDraft draft = new CalendarDraft(source);
        List<String> warnings = new ArrayList<>();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            String where = describe(event, i + 1);
            LocalDate start = allDayDate(event.getProperty(Property.DTSTART), source, where, "DTSTART")
                    .orElseThrow(() -> new CalendarImportException(source + ", " + where + ": no DTSTART"));
            if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
                throw new CalendarImportException(source + ", " + where
                        + ": recurring events are not supported; list each day as its own event");
            }
            Optional<CalendarEntryKind> kind = classify(event, source, where);
            if (kind.isEmpty()) {
                warnings.add(where + " on " + start + " was skipped: no category or summary marks it as a "
                        + "boundary or non-instructional day, so it stays a school day");
                continue;
            }
            draft.add(kind.get(), start, lastDay(event, start, source, where), text(event, Property.SUMMARY), where);
        }
        return new ParsedCalendar(draft.build(), warnings);
    }

    private static Calendar build(String source, InputStream content) {
        try {
            return new CalendarBuilder().build(content);
        } catch (ParserException e) {
            throw new CalendarImportException(source + ", line " + e.getLineNo() + ": not valid iCalendar: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    /** The last day covered, inclusive: DTEND is exclusive for all-day events (RFC 5545 3.6.1). */
    private static LocalDate lastDay(VEvent event, LocalDate start, String source, String where) {
        Optional<LocalDate> end = allDayDate(event.getProperty(Property.DTEND), source, where, "DTEND");
        if (end.isPresent()) {
            return end.get().isAfter(start) ? end.get().minusDays(1) : start;
        }
        Optional<Duration> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            LocalDate exclusiveEnd = start.plus(duration.get().getDuration());
            return exclusiveEnd.isAfter(start) ? exclusiveEnd.minusDays(1) : start;
        }
        return start;
    }

    private static Optional<LocalDate> allDayDate(Optional<? extends Property> property, String source,
                                                  String where, String name) {
        if (property.isEmpty()) {
            return Optional.empty();
        }
        Temporal date = ((DateProperty<?>) property.get()).getDate();
        if (!(date instanceof LocalDate localDate)) {
            throw new CalendarImportException(source + ", " + where + ": " + name + " " + property.get().getValue()
                    + " has a time of day; calendar events must be all-day (" + name + ";VALUE=DATE:yyyymmdd)");
        }
        return Optional.of(localDate);
    }

    private static Optional<CalendarEntryKind> classify(VEvent event, String source, String where) {
        Set<CalendarEntryKind> fromCategories = new TreeSet<>();
        boolean markedSchoolDay = false;
        for (Property property : event.getProperties(Property.CATEGORIES)) {
            for (String category : ((Categories) property).getCategories().getTexts()) {
                markedSchoolDay |= SCHOOL_DAY_CATEGORIES.contains(CalendarEntryKind.normalize(category));
                CalendarEntryKind.parse(category).ifPresent(fromCategories::add);
            }
        }
        if (fromCategories.size() > 1) {
            throw new CalendarImportException(source + ", " + where + ": conflicting categories " + fromCategories
                    + "; give one of " + CalendarEntryKind.allNames());
        }
        if (!fromCategories.isEmpty()) {
            return Optional.of(fromCategories.iterator().next());
        }
        return markedSchoolDay ? Optional.empty() : classifyBySummary(text(event, Property.SUMMARY));
    }

    private static Optional<CalendarEntryKind> classifyBySummary(String summary) {
        String s = summary.toLowerCase(Locale.ROOT);
        if (s.contains("first day of school") || s.contains("first day of instruction")) {
            return Optional.of(CalendarEntryKind.FIRST_DAY);
        }
        if (s.contains("last day of school") || s.contains("last day of instruction")) {
            return Optional.of(CalendarEntryKind.LAST_DAY);
        }
        if (s.contains("second semester") || s.contains("semester 2")) {
            return Optional.of(CalendarEntryKind.SEMESTER_2_START);
        }
        if (s.contains("staff development") || s.contains("professional development") || s.contains("pupil-free")
                || s.contains("pupil free")) {
            return Optional.of(CalendarEntryKind.STAFF_DAY);
        }
        if (s.contains("break") || s.contains("recess")) {
            return Optional.of(CalendarEntryKind.BREAK);
        }
        if (s.contains("holiday") || s.contains("no school")) {
            return Optional.of(CalendarEntryKind.HOLIDAY);
        }
        return Optional.empty();
    }

    private static String describe(VEvent event, int number) {
        String summary = text(event, Property.SUMMARY);
        String uid = text(event, Property.UID);
        return "event " + number + (summary.isEmpty() ? "" : " '" + summary + "'") + (uid.isEmpty() ? "" : " (UID " + uid + ")");
    }

    private static String text(VEvent event, String propertyName) {
        return event.getProperty(propertyName).map(Property::getValue).map(String::strip).orElse("");
    }
}
