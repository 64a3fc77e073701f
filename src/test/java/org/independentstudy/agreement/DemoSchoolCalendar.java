package org.independentstudy.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import org.independentstudy.calendar.CalendarCsvImporter;
import org.independentstudy.calendar.CalendarIcsImporter;
import org.independentstudy.calendar.SchoolCalendar;

/** The shipped demo calendars 2025-26 and 2026-27, loaded without Spring for fast unit tests. */
final class DemoSchoolCalendar {

    static final ZoneId DISTRICT_ZONE = ZoneId.of("America/Los_Angeles");

    private DemoSchoolCalendar() {
    }

    static SchoolCalendar bothYears() {
        SchoolCalendar calendar = new SchoolCalendar(DISTRICT_ZONE);
        try (InputStream csv = resource("calendars/demo-usd-2025-26.csv");
             InputStream ics = resource("calendars/demo-usd-2026-27.ics")) {
            calendar.load(List.of(new CalendarCsvImporter().parse("2025-26", csv).calendar(),
                    new CalendarIcsImporter().parse("2026-27", ics).calendar()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calendar;
    }

    private static InputStream resource(String path) {
        return DemoSchoolCalendar.class.getClassLoader().getResourceAsStream(path);
    }
}
