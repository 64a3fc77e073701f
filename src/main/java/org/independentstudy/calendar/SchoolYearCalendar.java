package org.independentstudy.calendar;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A district's instructional calendar for one school year (CAL-01), as imported and as stored.
 * Both importers produce this; the per-file checks are done while importing (see {@link CalendarDraft}),
 * so only nulls are rejected here.
 *
 * @param schoolYear label such as {@code 2025-26}, derived from the first day
 * @param nonInstructionalDays weekdays between first and last day without instruction, sorted by date
 * @param schoolMonthStarts    the first school day of each of the district's attendance months, sorted, the
 *                             year's first day first; empty: school months are blocks of 20 school days
 */
public record SchoolYearCalendar(
        String schoolYear,
        LocalDate firstDay,
        LocalDate lastDay,
        LocalDate secondSemesterFirstDay,
        List<NonInstructionalDay> nonInstructionalDays,
        List<LocalDate> schoolMonthStarts) {

    public SchoolYearCalendar {
        Objects.requireNonNull(schoolYear, "schoolYear");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(secondSemesterFirstDay, "secondSemesterFirstDay");
        nonInstructionalDays = nonInstructionalDays.stream()
                .sorted(Comparator.comparing(NonInstructionalDay::date))
                .toList();
        schoolMonthStarts = schoolMonthStarts == null ? List.of() : schoolMonthStarts.stream().sorted().toList();
    }

    /** The year's school days: the weekdays from the first to the last day that are not non-instructional. */
    public int countSchoolDays() {
        return CalendarSnapshot.schoolDaysOf(this).length;
    }

    /** The label of the school year that starts with this first day: 2025-08-14 gives {@code 2025-26}. */
    public static String labelFor(LocalDate firstDay) {
        int start = firstDay.getYear();
        return "%d-%02d".formatted(start, (start + 1) % 100);
    }

    /** The school year a date belongs to, July 1 to June 30 (EC 37200): 2026-07-15 gives {@code 2026-27}. */
    static String labelOfDate(LocalDate date) {
        return labelFor(date.getMonthValue() >= 7 ? date : date.minusYears(1));
    }

    /** The label of the following school year: {@code 2025-26} gives {@code 2026-27}. */
    public static String nextLabel(String schoolYear) {
        int start = Integer.parseInt(schoolYear.substring(0, 4)) + 1;
        return "%d-%02d".formatted(start, (start + 1) % 100);
    }
}
