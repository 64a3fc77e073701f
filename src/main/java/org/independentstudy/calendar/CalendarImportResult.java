package org.independentstudy.calendar;

import java.util.List;

/** What an import did: the year, whether it replaced a stored calendar, and anything skipped on purpose. */
public record CalendarImportResult(String schoolYear, boolean replaced, int schoolDays, List<String> warnings) {
}
