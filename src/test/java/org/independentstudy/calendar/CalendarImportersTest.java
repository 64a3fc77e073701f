package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.independentstudy.calendar.NonInstructionalDayKind.BREAK;
import static org.independentstudy.calendar.NonInstructionalDayKind.HOLIDAY;
import static org.independentstudy.calendar.NonInstructionalDayKind.STAFF_DAY;
import static org.independentstudy.support.DemoCalendars.csv;
import static org.independentstudy.support.DemoCalendars.csvResource;
import static org.independentstudy.support.DemoCalendars.ics;
import static org.independentstudy.support.DemoCalendars.icsResource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.independentstudy.calendar.ParsedCalendar.SchoolDayEvent;
import org.independentstudy.calendar.ParsedCalendar.SkippedEvent;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CalendarImportersTest {


    private static final String HEADER = "date,kind,description\n";
    private static final String MINIMAL_YEAR = HEADER
            + "2025-08-14,FIRST_DAY,First day\n"
            + "2026-01-20,SEMESTER_2_START,Semester 2\n"
            + "2026-06-11,LAST_DAY,Last day\n";

    @Test
    @DisplayName("CAL-01 the CSV and iCalendar importers read the same district calendar identically")
    void bothImportersProduceTheSameCalendar() {
        SchoolYearCalendar fromIcs = icsResource(DemoCalendars.ICS_2026_27).calendar();
        SchoolYearCalendar fromCsv = csvResource("calendars/demo-usd-2026-27.csv").calendar();

        assertThat(fromIcs).isEqualTo(fromCsv);
        assertThat(fromIcs.schoolYear()).isEqualTo("2026-27");
        // DTEND is exclusive: the winter break event ends on 2027-01-07, so the 6th is the last day off
        assertThat(fromIcs.nonInstructionalDays()).extracting(NonInstructionalDay::date)
                .contains(LocalDate.of(2027, 1, 6))
                .doesNotContain(LocalDate.of(2027, 1, 7));
        assertThat(fromIcs.nonInstructionalDays()).filteredOn(day -> day.date().equals(LocalDate.of(2026, 12, 21)))
                .singleElement()
                .satisfies(day -> {
                    assertThat(day.kind()).isEqualTo(NonInstructionalDayKind.BREAK);
                    assertThat(day.description()).isEqualTo("Winter break (Christmas, New Year's Day)");
                });
    }

    @Test
    @DisplayName("CAL-01 the demo 2025-26 CSV gives the year and semester boundaries and no weekend as a non-instructional day")
    void demoCsvBoundaries() {
        ParsedCalendar parsed = csvResource(DemoCalendars.CSV_2025_26);
        SchoolYearCalendar calendar = parsed.calendar();

        assertThat(calendar.schoolYear()).isEqualTo("2025-26");
        assertThat(calendar.firstDay()).isEqualTo("2025-08-14");
        assertThat(calendar.secondSemesterFirstDay()).isEqualTo("2026-01-20");
        assertThat(calendar.lastDay()).isEqualTo("2026-06-11");
        assertThat(calendar.nonInstructionalDays()).extracting(day -> day.date().getDayOfWeek().getValue())
                .allMatch(dayOfWeek -> dayOfWeek <= 5);
        // Thanksgiving week, Mon-Fri
        assertThat(calendar.nonInstructionalDays()).extracting(NonInstructionalDay::date)
                .contains(LocalDate.of(2025, 11, 24), LocalDate.of(2025, 11, 28));
        assertThat(parsed.skippedEvents()).isEmpty();
    }

    @Test
    @DisplayName("CAL-01 a CSV row with an unknown kind is rejected with an error naming the line")
    void unknownKindNamesTheLine() {
        assertThatThrownBy(() -> csv(MINIMAL_YEAR + "\n2025-09-01,HOLIDYA,Labor Day\n"))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("test.csv, line 6")
                .hasMessageContaining("unknown kind 'HOLIDYA'");
    }

    @Test
    @DisplayName("CAL-01 a CSV row with a malformed date is rejected with an error naming the line")
    void badDateNamesTheLine() {
        assertThatThrownBy(() -> csv(MINIMAL_YEAR + "2025-13-01,HOLIDAY,Nonsense\n"))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("'2025-13-01' is not a date");
    }

    @Test
    @DisplayName("CAL-01 a CSV without the header is rejected")
    void missingHeader() {
        assertThatThrownBy(() -> csv("2025-08-14,FIRST_DAY,First day\n"))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("line 1: expected the header 'date,kind,description'");
    }

    @Test
    @DisplayName("CAL-01 a non-instructional day outside the school year is rejected naming the line")
    void dayOutsideTheYear() {
        assertThatThrownBy(() -> csv(MINIMAL_YEAR + "2026-07-03,HOLIDAY,Independence Day observed\n"))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("line 5: 2026-07-03 is outside the school year 2025-08-14..2026-06-11");
    }

    @Test
    @DisplayName("CAL-01 the first day, semester start and last day must be school days, each exactly once")
    void boundariesMustBeSchoolDaysOnce() {
        assertThatThrownBy(() -> csv(MINIMAL_YEAR + "2025-08-14,STAFF_DAY,Staff day\n"))
                .hasMessageContaining("line 2: 2025-08-14 is also a non-instructional day (line 5)");
        assertThatThrownBy(() -> csv(HEADER + "2025-08-16,FIRST_DAY,\n2026-01-20,SEMESTER_2_START,\n2026-06-11,LAST_DAY,\n"))
                .hasMessageContaining("line 2: 2025-08-16 is a SATURDAY");
        assertThatThrownBy(() -> csv(MINIMAL_YEAR + "2025-08-15,FIRST_DAY,Again\n"))
                .hasMessageContaining("line 5: a second FIRST_DAY (2025-08-15); the first is 2025-08-14 (line 2)");
        assertThatThrownBy(() -> csv(HEADER + "2025-08-14,FIRST_DAY,\n2026-01-20,SEMESTER_2_START,\n"))
                .hasMessageContaining("test.csv: no LAST_DAY entry");
        assertThatThrownBy(() -> csv(HEADER + "2025-08-14,FIRST_DAY,\n2026-06-12,SEMESTER_2_START,\n2026-06-11,LAST_DAY,\n"))
                .hasMessageContaining("line 3: second semester start 2026-06-12 is not after the first day");
    }

    @Test
    @DisplayName("CAL-01 an iCalendar event at a time of day closes nothing: a school-day event, or unclassified when it reads as a closure")
    void timedIcsEventsCloseNothing() {
        ParsedCalendar parsed = ics(vcalendar(withYear2025(
                event("night@test", "DTSTART;TZID=America/Los_Angeles:20250910T180000", "Back to School Night"),
                event("labor-day@test", "DTSTART:20250901T150000Z", "Labor Day") + "CATEGORIES:HOLIDAY\n")));

        assertThat(parsed.calendar().nonInstructionalDays()).isEmpty();
        assertThat(parsed.schoolDayEvents()).containsExactly(
                new SchoolDayEvent(LocalDate.of(2025, 9, 10), LocalTime.of(18, 0), "Back to School Night"));
        assertThat(parsed.skippedEvents()).singleElement().satisfies(skipped -> {
            assertThat(skipped.unclassified()).isTrue();
            assertThat(skipped.date()).isEqualTo("2025-09-01");
            assertThat(skipped.where()).isEqualTo("event 5 'Labor Day' (UID labor-day@test)");
            assertThat(skipped.reason()).contains("at 08:00 it closes no day, though it reads as HOLIDAY",
                    "2025-09-01 stay school days");
        });
    }

    @Test
    @DisplayName("CAL-01 an all-day iCalendar event no wording recognises stays a school day and is unclassified; on a weekend it is only skipped")
    void unrecognisedAllDayEvents() {
        ParsedCalendar parsed = ics(vcalendar(withYear2025(
                event("admission@test", "DTSTART;VALUE=DATE:20250909", "Admission Day"),
                event("spirit@test", "DTSTART;VALUE=DATE:20251020", "Spirit Week") + "DTEND;VALUE=DATE:20251025\n",
                event("fair@test", "DTSTART;VALUE=DATE:20251018", "Harvest Fair"))));

        assertThat(parsed.calendar().nonInstructionalDays()).isEmpty();
        assertThat(parsed.unclassifiedEvents()).extracting(SkippedEvent::event, SkippedEvent::reason).containsExactly(
                tuple("Admission Day", "no category and no known wording says what this event is; 2025-09-09 stay "
                        + "school days"),
                tuple("Spirit Week", "no category and no known wording says what this event is; "
                        + "2025-10-20..2025-10-24 (5 days) stay school days"));
        // Saturday 18 October is no school day: nothing to decide
        assertThat(parsed.skippedEvents()).filteredOn(skipped -> !skipped.unclassified()).singleElement()
                .satisfies(skipped -> assertThat(skipped.reason()).isEqualTo("on a weekend: no school day"));
    }

    @Test
    @DisplayName("CAL-01 a malformed iCalendar file is rejected with an error naming the line")
    void malformedIcsNamesTheLine() {
        assertThatThrownBy(() -> ics("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nthis is not a property\n"))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("test.ics, line ");
    }

    @Test
    @DisplayName("CAL-01 iCalendar events without a category are classified by summary; a school-day event is listed as one")
    void icsSummaryConvention() {
        ParsedCalendar parsed = ics(vcalendar(
                event("1@test", "DTSTART;VALUE=DATE:20250814", "First Day of School"),
                event("2@test", "DTSTART;VALUE=DATE:20250901", "Labor Day - No School") + "DTEND;VALUE=DATE:20250902\n",
                event("3@test", "DTSTART;VALUE=DATE:20251124", "Thanksgiving Recess") + "DTEND;VALUE=DATE:20251129\n",
                event("4@test", "DTSTART;VALUE=DATE:20250910", "Back to School Night"),
                event("5@test", "DTSTART;VALUE=DATE:20260120", "Second Semester Begins"),
                event("6@test", "DTSTART;VALUE=DATE:20260611", "Last Day of School")));

        assertThat(parsed.calendar().firstDay()).isEqualTo("2025-08-14");
        assertThat(parsed.calendar().secondSemesterFirstDay()).isEqualTo("2026-01-20");
        assertThat(parsed.calendar().lastDay()).isEqualTo("2026-06-11");
        assertThat(parsed.calendar().nonInstructionalDays())
                .extracting(NonInstructionalDay::date, NonInstructionalDay::kind)
                .containsExactly(
                        tuple(LocalDate.of(2025, 9, 1), NonInstructionalDayKind.HOLIDAY),
                        tuple(LocalDate.of(2025, 11, 24), NonInstructionalDayKind.BREAK),
                        tuple(LocalDate.of(2025, 11, 25), NonInstructionalDayKind.BREAK),
                        tuple(LocalDate.of(2025, 11, 26), NonInstructionalDayKind.BREAK),
                        tuple(LocalDate.of(2025, 11, 27), NonInstructionalDayKind.BREAK),
                        tuple(LocalDate.of(2025, 11, 28), NonInstructionalDayKind.BREAK));
        assertThat(parsed.schoolDayEvents()).containsExactly(
                new SchoolDayEvent(LocalDate.of(2025, 9, 10), null, "Back to School Night"));
        assertThat(parsed.skippedEvents()).isEmpty();
    }

    @Test
    @DisplayName("CAL-01 a Google Calendar export (summaries only, no categories) is read as the district's year: holidays by name, breaks, pupil-free days, 180 school days")
    void googleCalendarExport() {
        ParsedCalendar parsed = icsResource(DemoCalendars.GOOGLE_EXPORT_2025_26);
        SchoolYearCalendar calendar = parsed.calendar();

        assertThat(calendar.schoolYear()).isEqualTo("2025-26");
        assertThat(calendar.firstDay()).isEqualTo("2025-08-13");
        assertThat(calendar.secondSemesterFirstDay()).isEqualTo("2026-01-20");
        assertThat(calendar.lastDay()).isEqualTo("2026-06-10");
        assertThat(calendar.countSchoolDays()).isEqualTo(180);
        assertThat(calendar.nonInstructionalDays()).extracting(NonInstructionalDay::date, NonInstructionalDay::kind,
                        NonInstructionalDay::description)
                .contains(tuple(d("2025-09-01"), HOLIDAY, "Labor Day - No School"),
                        tuple(d("2025-09-26"), HOLIDAY, "Native American Day - No School"),
                        tuple(d("2025-10-13"), HOLIDAY, "Indigenous Peoples' Day - No School"),
                        tuple(d("2025-11-11"), HOLIDAY, "Veterans Day"),
                        tuple(d("2025-11-24"), BREAK, "Thanksgiving Break"),
                        tuple(d("2025-11-28"), BREAK, "Thanksgiving Break"),
                        tuple(d("2025-12-25"), BREAK, "Winter Break"),
                        tuple(d("2026-01-09"), BREAK, "Winter Break"),
                        tuple(d("2026-01-16"), STAFF_DAY, "Teacher Work Day - Non-Student Day"),
                        tuple(d("2026-01-19"), HOLIDAY, "Martin Luther King Jr. Day"),
                        tuple(d("2026-02-13"), HOLIDAY, "Lincoln's Birthday (observed) - No School"),
                        tuple(d("2026-02-16"), HOLIDAY, "Presidents' Day - No School"),
                        tuple(d("2026-03-13"), STAFF_DAY, "Non-Student Day"),
                        tuple(d("2026-03-31"), HOLIDAY, "C\u00e9sar Ch\u00e1vez Day - No School"),
                        tuple(d("2026-04-10"), BREAK, "Spring Break"),
                        tuple(d("2026-05-25"), HOLIDAY, "Memorial Day"))
                // DTEND is exclusive; an all-day event without DTEND (Veterans Day) lasts one day (RFC 5545)
                .doesNotContain(tuple(d("2026-01-12"), BREAK, "Winter Break"),
                        tuple(d("2025-11-12"), HOLIDAY, "Veterans Day"));
        // the Open House is at 18:30 in Los Angeles, written in UTC as 01:30 the next day
        assertThat(parsed.schoolDayEvents()).containsExactly(
                new SchoolDayEvent(d("2025-09-10"), LocalTime.of(18, 0), "Back to School Night"),
                new SchoolDayEvent(d("2025-10-08"), null, "Picture Day"),
                new SchoolDayEvent(d("2025-12-19"), null, "Minimum Day - Early Release"),
                new SchoolDayEvent(d("2026-04-23"), LocalTime.of(18, 30), "Open House"));
        assertThat(parsed.skippedEvents()).noneMatch(SkippedEvent::unclassified).satisfiesExactly(
                christmas -> assertThat(christmas.reason()).startsWith(
                        "its days are already closed by 'Winter Break' (event 10 'Winter Break' (UID "),
                newYear -> assertThat(newYear.event()).isEqualTo("New Year's Day"),
                juneteenth -> assertThat(juneteenth.reason())
                        .isEqualTo("outside the school year 2025-08-13..2026-06-10: no school day"),
                independenceDay -> assertThat(independenceDay.event()).isEqualTo("Independence Day (observed)"));
    }

    @Test
    @DisplayName("CAL-01 an Outlook export (CRLF, folded lines, all-day flag, a midnight-to-midnight all-day event) is read the same way, 179 school days")
    void outlookExport() {
        ParsedCalendar parsed = icsResource(DemoCalendars.OUTLOOK_EXPORT_2027_28);
        SchoolYearCalendar calendar = parsed.calendar();

        assertThat(calendar.schoolYear()).isEqualTo("2027-28");
        assertThat(calendar.firstDay()).isEqualTo("2027-08-18");
        assertThat(calendar.secondSemesterFirstDay()).isEqualTo("2028-01-18");
        assertThat(calendar.lastDay()).isEqualTo("2028-06-08");
        assertThat(calendar.countSchoolDays()).isEqualTo(179);
        assertThat(calendar.nonInstructionalDays()).extracting(NonInstructionalDay::date, NonInstructionalDay::kind,
                        NonInstructionalDay::description)
                .contains(tuple(d("2027-09-06"), HOLIDAY, "Labor Day Holiday"),
                        tuple(d("2027-10-11"), STAFF_DAY, "Staff Development Day - No School for Students"),
                        tuple(d("2027-11-11"), HOLIDAY, "Veterans' Day"),
                        tuple(d("2027-12-20"), BREAK, "Winter Recess (District Offices Closed December 24 - January 1)"),
                        tuple(d("2028-01-07"), BREAK, "Winter Recess (District Offices Closed December 24 - January 1)"),
                        tuple(d("2028-01-17"), HOLIDAY, "Dr. Martin Luther King, Jr. Day"),
                        tuple(d("2028-02-11"), HOLIDAY, "Lincoln Day"),
                        tuple(d("2028-02-21"), HOLIDAY, "Washington's Birthday"),
                        tuple(d("2028-03-10"), STAFF_DAY, "Pupil-Free Day"),
                        tuple(d("2028-03-31"), BREAK, "Spring Recess (includes Cesar Chavez Day)"))
                // Veterans' Day runs from midnight to midnight: Friday 12 November is a school day
                .doesNotContain(tuple(d("2027-11-12"), HOLIDAY, "Veterans' Day"));
        assertThat(parsed.schoolDayEvents()).containsExactly(
                new SchoolDayEvent(d("2027-09-09"), LocalTime.of(18, 30), "Back to School Night"),
                new SchoolDayEvent(d("2028-01-14"), null, "Minimum Day - End of First Semester"));
        assertThat(parsed.skippedEvents()).isEmpty();
    }

    @Test
    @DisplayName("CAL-01 the demo calendars shipped for the start-up import need no confirmation")
    void demoCalendarsNeedNoConfirmation() {
        assertThat(CalendarPreview.of(csvResource(DemoCalendars.CSV_2025_26), null).confirmationNeeded()).isFalse();
        assertThat(CalendarPreview.of(icsResource(DemoCalendars.ICS_2026_27), null).confirmationNeeded()).isFalse();
    }

    /** The properties of one VEVENT, without BEGIN/END; more properties may be appended. */
    private static String event(String uid, String dtStart, String summary) {
        return "UID:" + uid + "\nDTSTAMP:20250101T000000Z\n" + dtStart + "\nSUMMARY:" + summary + "\n";
    }

    /** The 2025-26 boundaries (events 1 to 3), then the given events. */
    private static String[] withYear2025(String... events) {
        return Stream.concat(Stream.of(
                        event("first@test", "DTSTART;VALUE=DATE:20250814", "First Day of School"),
                        event("semester@test", "DTSTART;VALUE=DATE:20260120", "Second Semester Begins"),
                        event("last@test", "DTSTART;VALUE=DATE:20260611", "Last Day of School")),
                Stream.of(events)).toArray(String[]::new);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static String vcalendar(String... events) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n");
        for (String event : events) {
            ics.append("BEGIN:VEVENT\n").append(event).append("END:VEVENT\n");
        }
        return ics.append("END:VCALENDAR\n").toString();
    }
}
