package org.independentstudy.calendar;

/**
 * A date, or a span of school days, that no loaded district calendar covers (CAL-03).
 * Thrown instead of ever guessing with plain weekdays.
 */
public class SchoolCalendarException extends RuntimeException {

    public SchoolCalendarException(String message) {
        super(message);
    }
}
