package org.independentstudy.calendar;

import java.time.LocalDate;

/** A loaded school year: its label and its first and last days of instruction. */
public record SchoolYear(String label, LocalDate firstDay, LocalDate lastDay) {
}
