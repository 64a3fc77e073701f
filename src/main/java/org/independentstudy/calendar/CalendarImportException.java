package org.independentstudy.calendar;

/**
 * A calendar file that cannot be imported (CAL-01). The message names the line (CSV) or the event
 * (iCalendar) and the problem, so it can be shown to the administrator as it is (HTTP 400).
 */
public class CalendarImportException extends RuntimeException {

    public CalendarImportException(String message) {
        super(message);
    }

    public CalendarImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
