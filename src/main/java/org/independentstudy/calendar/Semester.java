package org.independentstudy.calendar;

import java.time.LocalDate;

/**
 * Semester 1 runs from the first day of the school year to the last school day before the second
 * semester's first day; semester 2 from that day to the last day of the year (CAL-01).
 */
public record Semester(String schoolYear, int number, LocalDate firstDay, LocalDate lastDay) {
}
