package org.independentstudy.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
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
import org.springframework.beans.factory.annotation.Value;

/**
 * Imports a school year from an iCalendar file (CAL-01): the .ics a district publishes, typically exported from
 * its Google or Outlook calendar. Convention:
 * <ul>
 *   <li>An all-day event ({@code DTSTART;VALUE=DATE}, or Outlook's {@code X-MICROSOFT-CDO-ALLDAYEVENT:TRUE} from
 *       midnight to midnight) covers its days; DTEND is exclusive as in RFC 5545 (a one-day event ends the next
 *       day); without DTEND the event lasts one day; a DURATION is honoured. Recurring events (RRULE/RDATE) are
 *       rejected: list each day.</li>
 *   <li>Its CATEGORIES say what it is: FIRST_DAY, LAST_DAY, SEMESTER_2_START, SCHOOL_MONTH_START (single days), HOLIDAY, BREAK,
 *       STAFF_DAY, OTHER (non-instructional days) or SCHOOL_DAY (alias INSTRUCTIONAL: closes nothing);
 *       case-insensitive, hyphens or spaces for underscores. Exports have no categories: then the summary
 *       decides, read by {@link CalendarWording} ("Labor Day", "Non-Student Day", "Winter Recess",
 *       "Minimum Day - Early Release", ...).</li>
 *   <li>An event at a time of day ("Back to School Night", 18:00) closes nothing: it is a school-day event on its
 *       date in the district's time zone, unless its summary names a boundary of the year.</li>
 *   <li>Nothing is dropped silently: every event that closes no day is listed, as a school-day event or skipped
 *       with the reason (outside the school year, on a weekend, on a day already closed). An event nothing
 *       classifies, or a timed one named like a closure, is unclassified: the import asks for a confirmation.</li>
 * </ul>
 */
@org.springframework.stereotype.Component
public class CalendarIcsImporter implements CalendarFileImporter {

    private static final String OUTLOOK_ALL_DAY = "X-MICROSOFT-CDO-ALLDAYEVENT";
    private static final String SCHOOL_DAY_ALIAS = "INSTRUCTIONAL";

    private final ZoneId districtZone;

    /** @param districtZone where a timed event's date is read (an export may give times in UTC) */
    public CalendarIcsImporter(@Value("${isp.district.time-zone:America/Los_Angeles}") ZoneId districtZone) {
        this.districtZone = districtZone;
    }

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
        CalendarDraft draft = new CalendarDraft(source, CalendarDraft.OutsideTheYear.SKIP);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        for (int i = 0; i < events.size(); i++) {
            VEvent event = events.get(i);
            String where = describe(event, i + 1);
            String summary = text(event, Property.SUMMARY);
            Temporal start = date(event, Property.DTSTART)
                    .orElseThrow(() -> new CalendarImportException(source + ", " + where + ": no DTSTART"));
            if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
                throw new CalendarImportException(source + ", " + where
                        + ": recurring events are not supported; list each day as its own event");
            }
            Optional<CalendarEntryKind> kind = classify(event, summary, source, where);
            if (isAllDay(event, start)) {
                LocalDate first = calendarDate(start, source, where);
                LocalDate last = lastDay(event, first, source, where);
                if (kind.isPresent()) {
                    draft.add(kind.get(), first, last, summary, where);
                } else {
                    draft.addUnclassified(first, last, summary, where,
                            "no category and no known wording says what this event is");
                }
            } else {
                addTimed(draft, kind, districtTime(start, source, where), summary, where);
            }
        }
        return draft.build();
    }

    private static void addTimed(CalendarDraft draft, Optional<CalendarEntryKind> kind, LocalDateTime at,
                                 String summary, String where) {
        if (kind.isPresent() && kind.get().isSingleDay()) {
            draft.add(kind.get(), at.toLocalDate(), at.toLocalDate(), summary, where);
        } else if (kind.isEmpty() || kind.get() == CalendarEntryKind.SCHOOL_DAY) {
            draft.addTimed(at.toLocalDate(), at.toLocalTime(), summary, where);
        } else {
            draft.addUnclassified(at.toLocalDate(), at.toLocalDate(), summary, where, "at " + at.toLocalTime()
                    + " it closes no day, though it reads as " + kind.get() + "; if the day is closed, make it an "
                    + "all-day event");
        }
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

    /** A date, or Outlook's all-day flag on a midnight-to-midnight event in the calendar's own zone. */
    private static boolean isAllDay(VEvent event, Temporal start) {
        return start instanceof LocalDate || "TRUE".equalsIgnoreCase(text(event, OUTLOOK_ALL_DAY));
    }

    /** The last day covered, inclusive: DTEND is exclusive for all-day events (RFC 5545 3.6.1). */
    private static LocalDate lastDay(VEvent event, LocalDate start, String source, String where) {
        Optional<LocalDate> end = date(event, Property.DTEND).map(value -> calendarDate(value, source, where));
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

    private static Optional<Temporal> date(VEvent event, String name) {
        return event.getProperty(name).map(property -> ((DateProperty<?>) property).getDate());
    }

    /** The date an all-day value names, in its own time zone (Outlook writes 00:00 of the day). */
    private static LocalDate calendarDate(Temporal value, String source, String where) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof LocalDateTime || value instanceof ZonedDateTime || value instanceof OffsetDateTime) {
            return LocalDate.from(value);
        }
        throw notADate(value, source, where);
    }

    /** A timed value in the district's time zone; a floating time (no zone) is read as district time. */
    private LocalDateTime districtTime(Temporal value, String source, String where) {
        if (value instanceof LocalDateTime floating) {
            return floating;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(districtZone).toLocalDateTime();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(districtZone).toLocalDateTime();
        }
        throw notADate(value, source, where);
    }

    private static CalendarImportException notADate(Temporal value, String source, String where) {
        return new CalendarImportException(source + ", " + where + ": " + value + " is neither a date nor a date-time");
    }

    private static Optional<CalendarEntryKind> classify(VEvent event, String summary, String source, String where) {
        Set<CalendarEntryKind> fromCategories = new TreeSet<>();
        for (Property property : event.getProperties(Property.CATEGORIES)) {
            for (String category : ((Categories) property).getCategories().getTexts()) {
                if (CalendarEntryKind.normalize(category).equals(SCHOOL_DAY_ALIAS)) {
                    fromCategories.add(CalendarEntryKind.SCHOOL_DAY);
                }
                CalendarEntryKind.parse(category).ifPresent(fromCategories::add);
            }
        }
        if (fromCategories.size() > 1) {
            throw new CalendarImportException(source + ", " + where + ": conflicting categories " + fromCategories
                    + "; give one of " + CalendarEntryKind.allNames());
        }
        return fromCategories.isEmpty() ? CalendarWording.read(summary) : Optional.of(fromCategories.iterator().next());
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
