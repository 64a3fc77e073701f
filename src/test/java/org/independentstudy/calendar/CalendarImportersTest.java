package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.independentstudy.support.DemoCalendars.csv;
import static org.independentstudy.support.DemoCalendars.csvResource;
import static org.independentstudy.support.DemoCalendars.ics;
import static org.independentstudy.support.DemoCalendars.icsResource;

import java.time.LocalDate;
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
        assertThat(parsed.warnings()).isEmpty();
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
    @DisplayName("CAL-01 an iCalendar event with a time of day is rejected with an error naming the event")
    void timedIcsEventNamesTheEvent() {
        String event = event("labor-day@test", "DTSTART:20250901T080000Z", "Labor Day") + "CATEGORIES:HOLIDAY\n";

        assertThatThrownBy(() -> ics(vcalendar(event)))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("test.ics, event 1 'Labor Day' (UID labor-day@test): DTSTART")
                .hasMessageContaining("must be all-day");
    }

    @Test
    @DisplayName("CAL-01 a malformed iCalendar file is rejected with an error naming the line")
    void malformedIcsNamesTheLine() {
        assertThatThrownBy(() -> ics("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nthis is not a property\n"))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("test.ics, line ");
    }

    @Test
    @DisplayName("CAL-01 iCalendar events without a category are classified by summary; other events stay school days with a warning")
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
        assertThat(parsed.warnings()).singleElement().asString()
                .contains("'Back to School Night'", "2025-09-10", "stays a school day");
    }

    /** The properties of one VEVENT, without BEGIN/END; more properties may be appended. */
    private static String event(String uid, String dtStart, String summary) {
        return "UID:" + uid + "\nDTSTAMP:20250101T000000Z\n" + dtStart + "\nSUMMARY:" + summary + "\n";
    }

    private static String vcalendar(String... events) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n");
        for (String event : events) {
            ics.append("BEGIN:VEVENT\n").append(event).append("END:VEVENT\n");
        }
        return ics.append("END:VCALENDAR\n").toString();
    }
}
