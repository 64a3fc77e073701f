package org.independentstudy.calendar;

import java.time.LocalDate;

/**
 * A school month (CAL-01): the {@code number}-th of the district's attendance months when its calendar gives them,
 * else the {@code number}-th block of 20 consecutive school days counted from the first day of the school year (the
 * last block may be shorter). First and last day are school days.
 */
public record SchoolMonth(String schoolYear, int number, LocalDate firstDay, LocalDate lastDay) {
}
