package org.independentstudy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The loaded calendars, immutable, with every school day precomputed in one sorted array so that
 * school-day arithmetic is a binary search (it runs in hot paths such as timer expressions).
 */
final class CalendarSnapshot {

    /** One school year with its school days; {@code offset} is the index of its first day in the global array. */
    record LoadedYear(SchoolYearCalendar calendar, LocalDate[] schoolDays, int offset) {

        SchoolYear schoolYear() {
            return new SchoolYear(calendar.schoolYear(), calendar.firstDay(), calendar.lastDay());
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(calendar.firstDay()) && !date.isAfter(calendar.lastDay());
        }
    }

    static final CalendarSnapshot EMPTY = new CalendarSnapshot(List.of());

    private final List<LoadedYear> years;
    private final LocalDate[] schoolDays;

    CalendarSnapshot(List<SchoolYearCalendar> calendars) {
        List<SchoolYearCalendar> sorted = calendars.stream()
                .sorted(Comparator.comparing(SchoolYearCalendar::firstDay)).toList();
        List<LoadedYear> loaded = new ArrayList<>();
        List<LocalDate> all = new ArrayList<>();
        for (SchoolYearCalendar calendar : sorted) {
            if (!loaded.isEmpty() && !calendar.firstDay().isAfter(loaded.get(loaded.size() - 1).calendar().lastDay())) {
                throw new IllegalArgumentException("School years " + loaded.get(loaded.size() - 1).calendar().schoolYear()
                        + " and " + calendar.schoolYear() + " overlap");
            }
            LocalDate[] days = schoolDaysOf(calendar);
            loaded.add(new LoadedYear(calendar, days, all.size()));
            all.addAll(Arrays.asList(days));
        }
        this.years = List.copyOf(loaded);
        this.schoolDays = all.toArray(LocalDate[]::new);
    }

    /** The weekdays from the first to the last day that are not non-instructional days, in order. */
    static LocalDate[] schoolDaysOf(SchoolYearCalendar calendar) {
        Set<LocalDate> closed = new HashSet<>();
        calendar.nonInstructionalDays().forEach(day -> closed.add(day.date()));
        return calendar.firstDay().datesUntil(calendar.lastDay().plusDays(1))
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .filter(day -> !closed.contains(day))
                .toArray(LocalDate[]::new);
    }

    List<LoadedYear> years() {
        return years;
    }

    /** All school days of all loaded years, sorted; never modified. */
    LocalDate[] schoolDays() {
        return schoolDays;
    }

    /** The loaded year whose first..last day contains the date (CAL-03: otherwise an error naming why). */
    LoadedYear yearContaining(LocalDate date) {
        LoadedYear year = yearCountedFrom(date, date.toString());
        if (!year.covers(date)) {
            throw new SchoolCalendarException(date + " is not in a school year: it lies between school years, before "
                    + "the first day of " + year.calendar().schoolYear() + " (" + year.calendar().firstDay() + ")");
        }
        return year;
    }

    /**
     * The year that counting from {@code date} starts in (CAL-02, CAL-03): the one covering it, or for a date
     * between school years (a summer request) the next school year, which must be loaded. The date's school
     * year runs July 1 to June 30 (EC 37200), so a June date after the last day needs the following year.
     */
    LoadedYear yearCountedFrom(LocalDate date, String purpose) {
        for (LoadedYear year : years) {
            if (year.covers(date)) {
                return year;
            }
        }
        String ofDate = SchoolYearCalendar.labelOfDate(date);
        String needed = loaded(ofDate).filter(year -> year.calendar().lastDay().isBefore(date)).isPresent()
                ? SchoolYearCalendar.nextLabel(ofDate) : ofDate;
        return loaded(needed).orElseThrow(() -> missingYear(needed, purpose));
    }

    private Optional<LoadedYear> loaded(String schoolYear) {
        return years.stream().filter(year -> year.calendar().schoolYear().equals(schoolYear)).findFirst();
    }

    /**
     * Checks that the years from {@code from} to {@code to} follow each other without a missing school year,
     * so counting across the summer never skips a year that has no calendar (CAL-03).
     */
    void requireConsecutive(LoadedYear from, LoadedYear to, String purpose) {
        for (int i = years.indexOf(from); i < years.indexOf(to); i++) {
            String expected = SchoolYearCalendar.nextLabel(years.get(i).calendar().schoolYear());
            if (!years.get(i + 1).calendar().schoolYear().equals(expected)) {
                throw missingYear(expected, purpose);
            }
        }
    }

    /** The year a global school-day index falls in. */
    LoadedYear yearOfIndex(int index) {
        for (LoadedYear year : years) {
            if (index < year.offset() + year.schoolDays().length) {
                return year;
            }
        }
        throw new IllegalStateException("index " + index + " beyond the loaded school days");
    }

    SchoolCalendarException missingYear(String schoolYear, String purpose) {
        return new SchoolCalendarException("No district instructional calendar covers school year " + schoolYear
                + ", needed for " + purpose + " (loaded: " + loadedLabels() + ")");
    }

    String loadedLabels() {
        return years.isEmpty() ? "none"
                : years.stream().map(year -> year.calendar().schoolYear()).collect(Collectors.joining(", "));
    }
}
