package org.independentstudy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.independentstudy.calendar.ParsedCalendar.SchoolDayEvent;
import org.independentstudy.calendar.ParsedCalendar.SkippedEvent;

/**
 * Collects the entries of one calendar file, whatever its format, and checks them into a
 * {@link ParsedCalendar} (CAL-01). Every entry carries where it came from ("line 7",
 * "event 'Winter Break' (UID ...)") so that each error names it, and every entry that closes no day is
 * accounted for: as a school-day event, or skipped with its reason.
 */
final class CalendarDraft {

    /** What to do with the days of an entry that lie outside the school year the file describes. */
    enum OutsideTheYear {
        /** an error naming the entry: a CSV is written for this import */
        REJECT,
        /** skipped with the reason: a district's published calendar also shows the summer and its holidays */
        SKIP
    }

    private record Located(LocalDate date, String where) {
    }

    /** One entry covering {@code from..to} inclusive; {@code time} only for a timed school-day event. */
    private record Entry(CalendarEntryKind kind, LocalDate from, LocalDate to, String event, String where,
                         LocalTime time, String unclassifiedReason) {

        List<LocalDate> days() {
            return from.datesUntil(to.plusDays(1)).toList();
        }
    }

    private final String source;
    private final OutsideTheYear outsideTheYear;
    private Located firstDay;
    private Located lastDay;
    private Located secondSemesterFirstDay;
    private final List<Entry> closing = new ArrayList<>();
    private final List<Entry> open = new ArrayList<>();
    private final List<Located> monthStarts = new ArrayList<>();

    /** @param source the file name, used when an error belongs to the whole file */
    CalendarDraft(String source, OutsideTheYear outsideTheYear) {
        this.source = source;
        this.outsideTheYear = outsideTheYear;
    }

    /** Adds one entry covering {@code from..to} inclusive; boundaries must be single days. */
    void add(CalendarEntryKind kind, LocalDate from, LocalDate to, String event, String where) {
        if (to.isBefore(from)) {
            throw error(where, "ends (" + to + ") before it starts (" + from + ")");
        }
        if (kind.isSingleDay() && !from.equals(to)) {
            throw error(where, kind + " must be a single day, not " + from + ".." + to);
        }
        switch (kind) {
            case FIRST_DAY -> firstDay = once(firstDay, kind, from, where);
            case LAST_DAY -> lastDay = once(lastDay, kind, from, where);
            case SEMESTER_2_START -> secondSemesterFirstDay = once(secondSemesterFirstDay, kind, from, where);
            case SCHOOL_DAY -> open.add(new Entry(kind, from, to, event, where, null, null));
            case SCHOOL_MONTH_START -> monthStarts.add(new Located(from, where));
            default -> closing.add(new Entry(kind, from, to, event, where, null, null));
        }
    }

    /** An event at a time of day: it closes nothing, so its day stays a school day. */
    void addTimed(LocalDate day, LocalTime time, String event, String where) {
        open.add(new Entry(CalendarEntryKind.SCHOOL_DAY, day, day, event, where, time, null));
    }

    /**
     * An event nothing classifies: its school days stay school days, but the file may have meant to close them,
     * so the preview names it and saving needs a confirmation.
     */
    void addUnclassified(LocalDate from, LocalDate to, String event, String where, String reason) {
        if (to.isBefore(from)) {
            throw error(where, "ends (" + to + ") before it starts (" + from + ")");
        }
        open.add(new Entry(null, from, to, event, where, null, reason));
    }

    /** Checks the year as a whole (CAL-01) and returns it; the first error found is thrown. */
    ParsedCalendar build() {
        requirePresent(firstDay, CalendarEntryKind.FIRST_DAY);
        requirePresent(lastDay, CalendarEntryKind.LAST_DAY);
        requirePresent(secondSemesterFirstDay, CalendarEntryKind.SEMESTER_2_START);
        if (!lastDay.date().isAfter(firstDay.date())) {
            throw error(lastDay.where(), "last day " + lastDay.date() + " is not after the first day "
                    + firstDay.date() + " (" + firstDay.where() + ")");
        }
        if (!lastDay.date().isBefore(firstDay.date().plusYears(1))) {
            throw error(lastDay.where(), "last day " + lastDay.date() + " is a year or more after the first day "
                    + firstDay.date() + "; one file holds one school year");
        }
        if (!secondSemesterFirstDay.date().isAfter(firstDay.date())
                || secondSemesterFirstDay.date().isAfter(lastDay.date())) {
            throw error(secondSemesterFirstDay.where(), "second semester start " + secondSemesterFirstDay.date()
                    + " is not after the first day " + firstDay.date() + " and on or before the last day " + lastDay.date());
        }
        List<SkippedEvent> skipped = new ArrayList<>();
        Map<LocalDate, Entry> closedBy = close(skipped);
        for (Located boundary : List.of(firstDay, secondSemesterFirstDay, lastDay)) {
            requireSchoolDay(boundary, closedBy);
        }
        monthStarts.forEach(start -> requireSchoolDay(start, closedBy));
        List<SchoolDayEvent> schoolDayEvents = new ArrayList<>();
        for (Entry entry : open) {
            List<LocalDate> schoolDays = entry.days().stream().filter(day -> isSchoolDay(day, closedBy)).toList();
            if (schoolDays.isEmpty()) {
                skipped.add(skip(entry, closesNothingBecause(entry, closedBy), false));
            } else if (entry.unclassifiedReason() != null) {
                skipped.add(skip(entry, entry.unclassifiedReason() + "; " + describe(schoolDays)
                        + " stay school days", true));
            } else {
                schoolDays.forEach(day -> schoolDayEvents.add(new SchoolDayEvent(day, entry.time(), entry.event())));
            }
        }
        List<NonInstructionalDay> days = closedBy.entrySet().stream()
                .map(day -> new NonInstructionalDay(day.getKey(), day.getValue().kind().nonInstructionalKind()
                        .orElseThrow(), day.getValue().event()))
                .toList();
        SchoolYearCalendar calendar = new SchoolYearCalendar(SchoolYearCalendar.labelFor(firstDay.date()),
                firstDay.date(), lastDay.date(), secondSemesterFirstDay.date(), days, schoolMonthStarts());
        schoolDayEvents.sort(Comparator.comparing(SchoolDayEvent::date));
        skipped.sort(Comparator.comparing(SkippedEvent::date));
        return new ParsedCalendar(calendar, schoolDayEvents, skipped);
    }

    /**
     * ATT-06, CAL-01: the district's attendance months, when the file gives them: each start a school day of the
     * year, once; the first month starts with the year's first day, whether the file says so or not.
     */
    private List<LocalDate> schoolMonthStarts() {
        if (monthStarts.isEmpty()) {
            return List.of();
        }
        java.util.TreeSet<LocalDate> starts = new java.util.TreeSet<>(List.of(firstDay.date()));
        for (Located start : monthStarts) {
            if (start.date().isBefore(firstDay.date()) || start.date().isAfter(lastDay.date())) {
                throw error(start.where(), "school month start " + start.date() + " is outside the school year "
                        + firstDay.date() + " to " + lastDay.date());
            }
            if (!starts.add(start.date()) && !start.date().equals(firstDay.date())) {
                throw error(start.where(), "school month start " + start.date() + " is given twice");
            }
        }
        return List.copyOf(starts);
    }

    /**
     * The weekdays the closing entries close, each with the first entry that closes it (a holiday inside a
     * break is one day off); an entry that closes no day of the year is skipped with the reason.
     */
    private Map<LocalDate, Entry> close(List<SkippedEvent> skipped) {
        Map<LocalDate, Entry> closedBy = new TreeMap<>();
        for (Entry entry : closing) {
            boolean closedOne = false;
            // weekends are never school days, so a break's Saturdays and Sundays are not stored
            for (LocalDate day : entry.days().stream().filter(day -> !isWeekend(day)).toList()) {
                if (inTheYear(day)) {
                    closedOne |= closedBy.putIfAbsent(day, entry) == null;
                } else if (outsideTheYear == OutsideTheYear.REJECT) {
                    throw error(entry.where(), day + " is outside the school year " + firstDay.date() + ".."
                            + lastDay.date());
                }
            }
            if (!closedOne) {
                skipped.add(skip(entry, closesNothingBecause(entry, closedBy), false));
            }
        }
        return closedBy;
    }

    /** Why an entry's days hold no school day to close or mark: outside the year, a weekend, closed already. */
    private String closesNothingBecause(Entry entry, Map<LocalDate, Entry> closedBy) {
        List<LocalDate> inTheYear = entry.days().stream().filter(this::inTheYear).toList();
        if (inTheYear.isEmpty()) {
            return "outside the school year " + firstDay.date() + ".." + lastDay.date() + ": no school day";
        }
        return inTheYear.stream().filter(day -> !isWeekend(day)).map(closedBy::get).filter(Objects::nonNull)
                .findFirst()
                .map(other -> "its days are already closed by '" + other.event() + "' (" + other.where() + ")")
                .orElse("on a weekend: no school day");
    }

    private static SkippedEvent skip(Entry entry, String reason, boolean unclassified) {
        return new SkippedEvent(entry.from(), entry.event(), entry.where(), reason, unclassified);
    }

    private static String describe(List<LocalDate> days) {
        return days.size() == 1 ? days.get(0).toString()
                : days.get(0) + ".." + days.get(days.size() - 1) + " (" + days.size() + " days)";
    }

    private boolean inTheYear(LocalDate day) {
        return !day.isBefore(firstDay.date()) && !day.isAfter(lastDay.date());
    }

    private boolean isSchoolDay(LocalDate day, Map<LocalDate, Entry> closedBy) {
        return inTheYear(day) && !isWeekend(day) && !closedBy.containsKey(day);
    }

    private Located once(Located existing, CalendarEntryKind kind, LocalDate date, String where) {
        if (existing != null) {
            throw error(where, "a second " + kind + " (" + date + "); the first is " + existing.date()
                    + " (" + existing.where() + ")");
        }
        return new Located(date, where);
    }

    private void requirePresent(Located boundary, CalendarEntryKind kind) {
        if (boundary == null) {
            throw new CalendarImportException(source + ": no " + kind + " entry; a calendar needs exactly one "
                    + CalendarEntryKind.FIRST_DAY + ", " + CalendarEntryKind.SEMESTER_2_START + " and "
                    + CalendarEntryKind.LAST_DAY);
        }
    }

    private void requireSchoolDay(Located boundary, Map<LocalDate, Entry> closedBy) {
        if (isWeekend(boundary.date())) {
            throw error(boundary.where(), boundary.date() + " is a " + boundary.date().getDayOfWeek()
                    + "; the first day, last day and second semester start must be school days");
        }
        Entry clash = closedBy.get(boundary.date());
        if (clash != null) {
            throw error(boundary.where(), boundary.date() + " is also a non-instructional day ("
                    + clash.where() + "); the first day, last day and second semester start must be school days");
        }
    }

    private CalendarImportException error(String where, String problem) {
        return new CalendarImportException(source + ", " + where + ": " + problem);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
