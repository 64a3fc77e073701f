package org.independentstudy.calendar;

/** What an import saved: the year, whether it replaced a stored calendar, and the preview of what it holds. */
public record CalendarImportResult(String schoolYear, boolean replaced, CalendarPreview preview) {
}
