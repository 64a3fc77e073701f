package org.independentstudy.calendar;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.benchmark.Figures;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.Test;

/**
 * School-day arithmetic is on every deadline, timer and attendance report: how fast is it? Run with
 * {@code ./mvnw -q test -Pbenchmark}; prints figures, asserts nothing.
 */
class SchoolCalendarBenchmark {

    private final SchoolCalendar calendar = DemoCalendars.bothDemoYears();
    private final List<LocalDate> days = calendar.schoolDaysBetween(LocalDate.of(2025, 8, 14),
            LocalDate.of(2026, 5, 1));

    @Test
    void schoolDayArithmetic() {
        Figures.measure("calendar: addSchoolDays(d, 10)", 200_000,
                i -> calendar.addSchoolDays(days.get(i % days.size()), 10));
        Figures.measure("calendar: addSchoolDays(d, 120), across the year boundary", 200_000,
                i -> calendar.addSchoolDays(days.get(i % days.size()), 120));
        Figures.measure("calendar: countSchoolDays over a semester", 200_000,
                i -> calendar.countSchoolDays(days.get(i % days.size()), LocalDate.of(2026, 6, 11)));
        Figures.measure("calendar: schoolMonthOf(d)", 200_000, i -> calendar.schoolMonthOf(days.get(i % days.size())));
    }
}
