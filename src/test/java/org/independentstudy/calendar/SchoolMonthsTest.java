package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * ATT-06, CAL-01: a district's own attendance months, as attendance calendars publish them (months of four weeks
 * starting on Mondays, LAUSD style), against the default of 20-school-day blocks.
 */
class SchoolMonthsTest {

    private static final String YEAR = """
            date,kind,description
            2026-08-13,FIRST_DAY,First day of instruction
            2026-09-07,HOLIDAY,Labor Day
            2026-09-08,SCHOOL_MONTH_START,School Month 2 Begins
            2026-10-05,SCHOOL_MONTH_START,School Month 3 Begins
            2026-11-02,SCHOOL_MONTH_START,School Month 4 Begins
            2026-11-23..2026-11-27,BREAK,Thanksgiving break
            2026-11-30,SCHOOL_MONTH_START,School Month 5 Begins
            2026-12-21..2027-01-06,BREAK,Winter recess
            2027-01-07,SCHOOL_MONTH_START,School Month 6 Begins
            2027-01-19,SEMESTER_2_START,Second semester begins
            2027-06-10,LAST_DAY,Last day of instruction
            """;

    @Test
    @DisplayName("CAL-01 ATT-06 a calendar with the district's month starts gives its school months: month 5 ends on the last school day before winter recess, month 6 starts after it")
    void districtMonths() {
        SchoolCalendar calendar = load(YEAR);

        assertThat(calendar.schoolMonthOf(LocalDate.of(2026, 8, 13))).isEqualTo(
                new SchoolMonth("2026-27", 1, LocalDate.of(2026, 8, 13), LocalDate.of(2026, 9, 4)));
        assertThat(calendar.schoolMonthOf(LocalDate.of(2026, 12, 18))).isEqualTo(
                new SchoolMonth("2026-27", 5, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 18)));
        // a day of the recess belongs to the month it interrupts
        assertThat(calendar.schoolMonthOf(LocalDate.of(2026, 12, 28)).number()).isEqualTo(5);
        assertThat(calendar.schoolMonthOf(LocalDate.of(2027, 1, 7))).isEqualTo(
                new SchoolMonth("2026-27", 6, LocalDate.of(2027, 1, 7), LocalDate.of(2027, 6, 10)));
    }

    @Test
    @DisplayName("CAL-01 ATT-06 without month starts school months stay blocks of 20 school days")
    void twentyDayBlocks() {
        SchoolCalendar calendar = load(YEAR.lines().filter(l -> !l.contains("SCHOOL_MONTH_START"))
                .reduce("", (a, b) -> a + b + "\n"));

        assertThat(calendar.schoolMonthOf(LocalDate.of(2026, 8, 13))).isEqualTo(
                new SchoolMonth("2026-27", 1, LocalDate.of(2026, 8, 13), LocalDate.of(2026, 9, 10)));
    }

    @Test
    @DisplayName("CAL-01 ATT-06 an iCalendar export with summaries only (\"School Month 2 Begins\") gives the month starts")
    void summariesOnlyIcs() {
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Google Inc//Google Calendar 70.9054//EN
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260813
                DTEND;VALUE=DATE:20260814
                SUMMARY:First Day of School
                UID:a1
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260908
                DTEND;VALUE=DATE:20260909
                SUMMARY:School Month 2 Begins
                UID:a2
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20270119
                DTEND;VALUE=DATE:20270120
                SUMMARY:Second Semester Begins
                UID:a3
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20270610
                DTEND;VALUE=DATE:20270611
                SUMMARY:Last Day of School
                UID:a4
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n");
        ParsedCalendar parsed = new CalendarIcsImporter(ZoneId.of("America/Los_Angeles"))
                .parse("google.ics", new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)));

        assertThat(parsed.calendar().schoolMonthStarts())
                .containsExactly(LocalDate.of(2026, 8, 13), LocalDate.of(2026, 9, 8));
    }

    @Test
    @DisplayName("CAL-01 a month start on a non-school day or outside the school year is refused naming the line")
    void badMonthStarts() {
        assertThatThrownBy(() -> load(YEAR.replace("2026-10-05,SCHOOL_MONTH_START", "2026-09-07,SCHOOL_MONTH_START")))
                .isInstanceOf(CalendarImportException.class).hasMessageContaining("line");
        assertThatThrownBy(() -> load(YEAR.replace("2026-10-05,SCHOOL_MONTH_START", "2027-07-05,SCHOOL_MONTH_START")))
                .isInstanceOf(CalendarImportException.class).hasMessageContaining("outside");
    }

    private static SchoolCalendar load(String csv) {
        ParsedCalendar parsed = new CalendarCsvImporter()
                .parse("district.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        SchoolCalendar calendar = new SchoolCalendar(ZoneId.of("America/Los_Angeles"));
        calendar.load(List.of(parsed.calendar()));
        return calendar;
    }
}
