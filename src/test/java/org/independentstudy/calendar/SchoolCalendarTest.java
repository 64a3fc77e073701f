package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {

    private final SchoolCalendar calendar = DemoCalendars.bothDemoYears();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class YearStructure {

        @Test
        @DisplayName("CAL-01 semester 1 ends on the last school day before the second semester's first day")
        void semesterBoundaries() {
            assertThat(calendar.semesterOf(d("2025-08-14")))
                    .isEqualTo(new Semester("2025-26", 1, d("2025-08-14"), d("2026-01-15")));
            // Fri 16 Jan is a staff day and Mon 19 Jan is MLK Day: both still in semester 1
            assertThat(calendar.semesterOf(d("2026-01-19")).number()).isEqualTo(1);
            assertThat(calendar.semesterOf(d("2026-01-20")))
                    .isEqualTo(new Semester("2025-26", 2, d("2026-01-20"), d("2026-06-11")));
            assertThat(calendar.semesterOf(d("2026-06-11")).number()).isEqualTo(2);
            assertThat(calendar.countSchoolDays(d("2025-08-14"), d("2026-01-15"))).isEqualTo(90);
        }

        @Test
        @DisplayName("CAL-01 school months: the 20th school day is in month 1 and the 21st in month 2")
        void schoolMonths() {
            List<LocalDate> days = calendar.schoolDaysBetween(d("2025-08-14"), d("2025-09-30"));
            LocalDate twentieth = days.get(19);
            LocalDate twentyFirst = days.get(20);
            assertThat(twentieth).isEqualTo("2025-09-11");
            assertThat(twentyFirst).isEqualTo("2025-09-12");

            assertThat(calendar.schoolMonthOf(twentieth))
                    .isEqualTo(new SchoolMonth("2025-26", 1, d("2025-08-14"), d("2025-09-11")));
            assertThat(calendar.schoolMonthOf(twentyFirst).number()).isEqualTo(2);
            assertThat(calendar.schoolMonthOf(twentyFirst).firstDay()).isEqualTo(twentyFirst);
            // a weekend belongs to the month of the school day before it
            assertThat(calendar.schoolMonthOf(d("2025-09-13")).number()).isEqualTo(2);
        }

        @Test
        @DisplayName("CAL-01 the last school month of the year may be shorter than 20 school days")
        void lastSchoolMonthIsShorter() {
            assertThat(calendar.countSchoolDays(d("2025-08-14"), d("2026-06-11"))).isEqualTo(182);
            // 182 = 9 x 20 + 2
            assertThat(calendar.schoolMonthOf(d("2026-06-11")))
                    .isEqualTo(new SchoolMonth("2025-26", 10, d("2026-06-10"), d("2026-06-11")));
            // the school months start again with the next school year
            assertThat(calendar.schoolMonthOf(d("2026-08-13")).number()).isEqualTo(1);
        }

        @Test
        @DisplayName("CAL-01 the school year of a date and its last school day")
        void schoolYearOf() {
            assertThat(calendar.schoolYearOf(d("2025-12-25")))
                    .isEqualTo(new SchoolYear("2025-26", d("2025-08-14"), d("2026-06-11")));
            assertThat(calendar.lastSchoolDayOfYear(d("2026-09-01"))).isEqualTo("2027-06-10");
            assertThat(calendar.loadedSchoolYears()).extracting(SchoolYear::label).containsExactly("2025-26", "2026-27");
        }
    }

    @Nested
    class AddingSchoolDays {

        @Test
        @DisplayName("CAL-02 a 5-school-day deadline from the Friday before Thanksgiving week lands after the break")
        void crossesThanksgiving() {
            assertThat(calendar.addSchoolDays(d("2025-11-21"), 5)).isEqualTo("2025-12-05");
            assertThat(calendar.addSchoolDays(d("2025-11-21"), 1)).isEqualTo("2025-12-01");
        }

        @Test
        @DisplayName("CAL-02 a 10-school-day deadline crosses winter break including New Year")
        void crossesWinterBreak() {
            // Dec 16-19 are 4 school days; school resumes Thu 8 Jan 2026
            assertThat(calendar.addSchoolDays(d("2025-12-15"), 10)).isEqualTo("2026-01-15");
            assertThat(calendar.addSchoolDays(d("2025-12-19"), 1)).isEqualTo("2026-01-08");
        }

        @Test
        @DisplayName("CAL-02 adding school days skips weekends")
        void skipsWeekends() {
            assertThat(calendar.addSchoolDays(d("2025-09-12"), 1)).isEqualTo("2025-09-15");
            assertThat(calendar.addSchoolDays(d("2025-09-12"), 5)).isEqualTo("2025-09-19");
        }

        @Test
        @DisplayName("CAL-02 the day D itself is not counted; 0 school days after a school day is that day")
        void dayItselfNotCounted() {
            assertThat(calendar.addSchoolDays(d("2025-09-15"), 1)).isEqualTo("2025-09-16");
            assertThat(calendar.addSchoolDays(d("2025-09-15"), 0)).isEqualTo("2025-09-15");
            assertThatThrownBy(() -> calendar.addSchoolDays(d("2025-09-13"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.addSchoolDays(d("2025-09-15"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("CAL-02 D may be a non-school day: a weekend, a holiday or a day of a break")
        void startOnNonSchoolDay() {
            assertThat(calendar.addSchoolDays(d("2025-09-13"), 1)).isEqualTo("2025-09-15");
            assertThat(calendar.addSchoolDays(d("2025-09-01"), 1)).isEqualTo("2025-09-02");
            assertThat(calendar.addSchoolDays(d("2025-11-26"), 1)).isEqualTo("2025-12-01");
        }

        @Test
        @DisplayName("CAL-02 a deadline never lands on a non-school day and always spans exactly N school days")
        void neverOnNonSchoolDay() {
            for (SchoolYear year : calendar.loadedSchoolYears()) {
                // every start day of the year, school day or not, up to where 25 school days still fit
                for (LocalDate start = year.firstDay(); start.isBefore(d("2027-05-01"))
                        && !start.isAfter(year.lastDay()); start = start.plusDays(1)) {
                    int startCounted = calendar.isSchoolDay(start) ? 1 : 0;
                    for (int n = 1; n <= 25; n++) {
                        LocalDate due = calendar.addSchoolDays(start, n);
                        assertThat(calendar.isSchoolDay(due)).as("%s + %d = %s", start, n, due).isTrue();
                        assertThat(calendar.countSchoolDays(start, due) - startCounted).isEqualTo(n);
                    }
                }
            }
        }

        @Test
        @DisplayName("CAL-02 school-day arithmetic crosses the summer from 2025-26 into 2026-27")
        void crossesIntoNextYear() {
            assertThat(calendar.addSchoolDays(d("2026-06-10"), 1)).isEqualTo("2026-06-11");
            assertThat(calendar.addSchoolDays(d("2026-06-10"), 2)).isEqualTo("2026-08-13");
            assertThat(calendar.addSchoolDays(d("2026-06-11"), 5)).isEqualTo("2026-08-19");
            assertThat(calendar.countSchoolDays(d("2026-06-01"), d("2026-08-14"))).isEqualTo(9 + 2);
        }

        @Test
        @DisplayName("CAL-02 the first school day on or after a date")
        void firstSchoolDayOnOrAfter() {
            assertThat(calendar.firstSchoolDayOnOrAfter(d("2025-09-15"))).isEqualTo("2025-09-15");
            assertThat(calendar.firstSchoolDayOnOrAfter(d("2025-11-22"))).isEqualTo("2025-12-01");
        }

        @Test
        @DisplayName("CAL-02 for BPMN: a Date is read in the district time zone and the deadline is the start of that school day")
        void dateOverloadUsesDistrictZone() {
            // 23:30 on Friday 21 Nov in Los Angeles is already Saturday in UTC: the district date counts
            Date lateFridayEvening = Date.from(ZonedDateTime.of(LocalDateTime.parse("2025-11-21T23:30"),
                    DemoCalendars.LOS_ANGELES).toInstant());

            Date due = calendar.addSchoolDays(lateFridayEvening, 5);

            assertThat(due.toInstant()).isEqualTo(d("2025-12-05").atStartOfDay(DemoCalendars.LOS_ANGELES).toInstant());
            assertThat(calendar.endOfSchoolDay(d("2025-12-05")).toInstant())
                    .isEqualTo(d("2025-12-06").atStartOfDay(DemoCalendars.LOS_ANGELES).toInstant().minusMillis(1));
            assertThatThrownBy(() -> calendar.endOfSchoolDay(d("2025-12-06")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class CountingSchoolDays {

        @Test
        @DisplayName("CAL-02 countSchoolDays counts both ends when they are school days")
        void inclusiveEdges() {
            assertThat(calendar.countSchoolDays(d("2025-08-14"), d("2025-08-14"))).isEqualTo(1);
            assertThat(calendar.countSchoolDays(d("2025-09-12"), d("2025-09-15"))).isEqualTo(2);
            assertThat(calendar.countSchoolDays(d("2025-09-13"), d("2025-09-14"))).isZero();
            assertThat(calendar.countSchoolDays(d("2025-11-24"), d("2025-11-28"))).isZero();
            assertThat(calendar.countSchoolDays(d("2025-11-21"), d("2025-12-01"))).isEqualTo(2);
            assertThatThrownBy(() -> calendar.countSchoolDays(d("2025-09-15"), d("2025-09-12")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class OutsideTheCalendar {

        @Test
        @DisplayName("CAL-03 a summer date is in no school year: asking whether it is a school day, or its year, is an error naming the next first day")
        void summerDateIsAnError() {
            // Monday 6 July 2026 is a weekday between the two loaded years
            assertThatThrownBy(() -> calendar.isSchoolDay(d("2026-07-06")))
                    .isInstanceOf(SchoolCalendarException.class)
                    .hasMessage("2026-07-06 is not in a school year: it lies between school years, before the first "
                            + "day of 2026-27 (2026-08-13)");
            assertThatThrownBy(() -> calendar.schoolYearOf(d("2027-07-01")))
                    .hasMessage("No district instructional calendar covers school year 2027-28, needed for 2027-07-01 "
                            + "(loaded: 2025-26, 2026-27)");
            assertThatThrownBy(() -> calendar.countSchoolDays(d("2026-06-01"), d("2026-07-06")))
                    .isInstanceOf(SchoolCalendarException.class);
        }

        @Test
        @DisplayName("CAL-02 CAL-03 counting from a date between two school years starts at the next year's first day")
        void countingFromASummerDate() {
            // 2025-26 ends Thu 11 June 2026, 2026-27 begins Thu 13 August 2026
            assertThat(calendar.addSchoolDays(d("2026-06-12"), 1)).isEqualTo("2026-08-13");
            assertThat(calendar.addSchoolDays(d("2026-07-06"), 1)).isEqualTo("2026-08-13");
            assertThat(calendar.addSchoolDays(d("2026-08-12"), 6)).isEqualTo("2026-08-20");
            // the first day itself is a school day, not counted when counting from it
            assertThat(calendar.addSchoolDays(d("2026-08-13"), 1)).isEqualTo("2026-08-14");
            assertThat(calendar.addSchoolDays(Date.from(d("2026-07-15").atStartOfDay(DemoCalendars.LOS_ANGELES)
                    .toInstant()), 6).toInstant())
                    .isEqualTo(d("2026-08-20").atStartOfDay(DemoCalendars.LOS_ANGELES).toInstant());
            assertThat(calendar.firstSchoolDayOnOrAfter(d("2026-07-06"))).isEqualTo("2026-08-13");
            assertThat(calendar.countSchoolDays(d("2026-07-06"), d("2026-08-14"))).isEqualTo(2);
            assertThat(calendar.schoolDaysBetween(d("2026-07-06"), d("2026-08-14")))
                    .containsExactly(d("2026-08-13"), d("2026-08-14"));
            // the summer before the first loaded year counts into that year too
            assertThat(calendar.addSchoolDays(d("2025-07-21"), 1)).isEqualTo("2025-08-14");
        }

        @Test
        @DisplayName("CAL-03 counting from a summer date whose next school year has no calendar is an error naming that school year")
        void countingFromASummerDateBeforeAMissingYear() {
            // 2026-27 ends Thu 10 June 2027; 2027-28 is not loaded
            assertThatThrownBy(() -> calendar.addSchoolDays(d("2027-07-15"), 1))
                    .isInstanceOf(SchoolCalendarException.class)
                    .hasMessage("No district instructional calendar covers school year 2027-28, needed for "
                            + "1 school days after 2027-07-15 (loaded: 2025-26, 2026-27)");
            assertThatThrownBy(() -> calendar.addSchoolDays(d("2027-06-11"), 1))
                    .hasMessageContaining("covers school year 2027-28");
            assertThatThrownBy(() -> calendar.firstSchoolDayOnOrAfter(d("2027-08-16")))
                    .hasMessageContaining("covers school year 2027-28");
            // a date of a school year before the first loaded one is not "summer": 2024-25 is missing
            assertThatThrownBy(() -> calendar.addSchoolDays(d("2025-05-01"), 1))
                    .hasMessageContaining("covers school year 2024-25");
        }

        @Test
        @DisplayName("CAL-03 a date in a school year without a calendar (2028-29) is an error")
        void missingYearIsAnError() {
            assertThatThrownBy(() -> calendar.semesterOf(d("2028-09-15")))
                    .isInstanceOf(SchoolCalendarException.class)
                    .hasMessageContaining("2028-09-15");
            assertThatThrownBy(() -> calendar.schoolMonthOf(d("2028-09-15")))
                    .isInstanceOf(SchoolCalendarException.class);
        }

        @Test
        @DisplayName("CAL-03 a deadline that runs past the last loaded year is an error naming the missing year")
        void deadlinePastTheLastLoadedYear() {
            assertThat(calendar.addSchoolDays(d("2027-06-08"), 2)).isEqualTo("2027-06-10");
            assertThatThrownBy(() -> calendar.addSchoolDays(d("2027-06-08"), 3))
                    .isInstanceOf(SchoolCalendarException.class)
                    .hasMessage("No district instructional calendar covers school year 2027-28, needed for "
                            + "3 school days after 2027-06-08 (loaded: 2025-26, 2026-27)");
        }

        @Test
        @DisplayName("CAL-03 arithmetic never skips over a school year whose calendar is missing")
        void neverSkipsAMissingYear() {
            SchoolYearCalendar year2025 = DemoCalendars.csvResource(DemoCalendars.CSV_2025_26).calendar();
            SchoolYearCalendar year2027 = DemoCalendars.csv("""
                    date,kind,description
                    2027-08-12,FIRST_DAY,First day
                    2028-01-18,SEMESTER_2_START,Semester 2
                    2028-06-08,LAST_DAY,Last day
                    """).calendar();
            SchoolCalendar withGap = DemoCalendars.schoolCalendarOf(year2025, year2027);

            assertThatThrownBy(() -> withGap.addSchoolDays(d("2026-06-10"), 2))
                    .isInstanceOf(SchoolCalendarException.class)
                    .hasMessageContaining("covers school year 2026-27");
            assertThatThrownBy(() -> withGap.countSchoolDays(d("2026-06-01"), d("2027-08-20")))
                    .hasMessageContaining("covers school year 2026-27");
        }

        @Test
        @DisplayName("CAL-03 before any calendar is loaded every question is an error, not a weekday answer")
        void nothingLoaded() {
            SchoolCalendar empty = new SchoolCalendar(DemoCalendars.LOS_ANGELES);

            assertThatThrownBy(() -> empty.isSchoolDay(d("2025-09-15")))
                    .isInstanceOf(SchoolCalendarException.class)
                    .hasMessage("No district instructional calendar covers school year 2025-26, needed for 2025-09-15 "
                            + "(loaded: none)");
        }
    }
}
