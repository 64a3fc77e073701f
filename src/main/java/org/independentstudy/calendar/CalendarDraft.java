package org.independentstudy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the entries of one calendar file, whatever its format, and checks them into a
 * {@link SchoolYearCalendar} (CAL-01). Every entry carries where it came from ("line 7",
 * "event 'Winter Break' (UID ...)") so that each error names it.
 */
final class CalendarDraft {

    private record Located(LocalDate date, String where) {
    }

    private record Entry(LocalDate date, NonInstructionalDayKind kind, String description, String where) {
    }

    private final String source;
    private Located firstDay;
    private Located lastDay;
    private Located secondSemesterFirstDay;
    private final List<Entry> nonInstructional = new ArrayList<>();

    /** @param source the file name, used when an error belongs to the whole file */
    CalendarDraft(String source) {
        this.source = source;
    }

    /** Adds one entry covering {@code from..to} inclusive; boundaries must be single days. */
    void add(CalendarEntryKind kind, LocalDate from, LocalDate to, String description, String where) {
        if (to.isBefore(from)) {
            throw error(where, "ends (" + to + ") before it starts (" + from + ")");
        }
        if (kind.nonInstructionalKind().isEmpty() && !from.equals(to)) {
            throw error(where, kind + " must be a single day, not " + from + ".." + to);
        }
        switch (kind) {
            case FIRST_DAY -> firstDay = once(firstDay, kind, from, where);
            case LAST_DAY -> lastDay = once(lastDay, kind, from, where);
            case SEMESTER_2_START -> secondSemesterFirstDay = once(secondSemesterFirstDay, kind, from, where);
            default -> {
                // weekends are never school days, so a break's Saturdays and Sundays are not stored
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    if (!isWeekend(day)) {
                        nonInstructional.add(new Entry(day, kind.nonInstructionalKind().orElseThrow(), description, where));
                    }
                }
            }
        }
    }

    /** Checks the year as a whole (CAL-01) and returns it; the first error found is thrown. */
    SchoolYearCalendar build() {
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
        Map<LocalDate, Entry> byDate = new LinkedHashMap<>();
        for (Entry entry : nonInstructional) {
            if (entry.date().isBefore(firstDay.date()) || entry.date().isAfter(lastDay.date())) {
                throw error(entry.where(), entry.date() + " is outside the school year "
                        + firstDay.date() + ".." + lastDay.date());
            }
            // overlapping entries (a holiday inside a break) are one day off: the first entry names it
            byDate.putIfAbsent(entry.date(), entry);
        }
        for (Located boundary : List.of(firstDay, secondSemesterFirstDay, lastDay)) {
            requireSchoolDay(boundary, byDate);
        }
        List<NonInstructionalDay> days = byDate.values().stream()
                .map(entry -> new NonInstructionalDay(entry.date(), entry.kind(), entry.description()))
                .toList();
        return new SchoolYearCalendar(SchoolYearCalendar.labelFor(firstDay.date()), firstDay.date(),
                lastDay.date(), secondSemesterFirstDay.date(), days);
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

    private void requireSchoolDay(Located boundary, Map<LocalDate, Entry> nonInstructionalByDate) {
        if (isWeekend(boundary.date())) {
            throw error(boundary.where(), boundary.date() + " is a " + boundary.date().getDayOfWeek()
                    + "; the first day, last day and second semester start must be school days");
        }
        Entry clash = nonInstructionalByDate.get(boundary.date());
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
