package org.independentstudy.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.independentstudy.calendar.CalendarCsvImporter;
import org.independentstudy.calendar.CalendarIcsImporter;
import org.independentstudy.calendar.ParsedCalendar;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolYearCalendar;

/** The shipped demo calendars and small hand-written ones, read through the real importers. */
public final class DemoCalendars {

    public static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    public static final String CSV_2025_26 = "calendars/demo-usd-2025-26.csv";
    public static final String ICS_2026_27 = "calendars/demo-usd-2026-27.ics";
    /** Files as districts publish them: summaries only, no categories. */
    public static final String GOOGLE_EXPORT_2025_26 = "calendars/google-export-2025-26.ics";
    public static final String OUTLOOK_EXPORT_2027_28 = "calendars/outlook-export-2027-28.ics";

    private DemoCalendars() {
    }

    public static ParsedCalendar csvResource(String path) {
        return new CalendarCsvImporter().parse(path, resource(path));
    }

    public static ParsedCalendar icsResource(String path) {
        return new CalendarIcsImporter(LOS_ANGELES).parse(path, resource(path));
    }

    public static ParsedCalendar csv(String content) {
        return new CalendarCsvImporter().parse("test.csv", bytes(content));
    }

    public static ParsedCalendar ics(String content) {
        return new CalendarIcsImporter(LOS_ANGELES).parse("test.ics", bytes(content));
    }

    /** The school calendar with both demo years loaded, as at startup. */
    public static SchoolCalendar bothDemoYears() {
        return schoolCalendarOf(csvResource(CSV_2025_26).calendar(), icsResource(ICS_2026_27).calendar());
    }

    public static SchoolCalendar schoolCalendarOf(SchoolYearCalendar... years) {
        SchoolCalendar calendar = new SchoolCalendar(LOS_ANGELES);
        calendar.load(List.of(years));
        return calendar;
    }

    public static byte[] resourceBytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = DemoCalendars.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no resource " + path));
        }
        return in;
    }

    private static InputStream bytes(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
