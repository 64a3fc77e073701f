package org.independentstudy.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 12.4: the end of "this week" for Tasklist's filter, on the demo district's 2026-27 calendar. */
class SchoolWeekTest {

    private final SchoolWeek week = new SchoolWeek(DemoCalendars.bothDemoYears(), Clock.systemUTC());

    @Test
    @DisplayName("Issue 12.4 CAL-02 a school week ends with its last school day: Friday, or Thursday before a pupil-free Friday")
    void lastSchoolDayOfTheWeek() {
        assertThat(endOfWeekOf("2026-12-01")).isEqualTo(endOf("2026-12-04"));
        assertThat(endOfWeekOf("2027-01-12")).isEqualTo(endOf("2027-01-14"));
    }

    @Test
    @DisplayName("Issue 12.4 CAL-02 in the winter break 'this week' is the first week back")
    void breakLooksAheadToTheWeekBack() {
        assertThat(endOfWeekOf("2026-12-23")).isEqualTo(endOf("2027-01-08"));
    }

    private ZonedDateTime endOfWeekOf(String day) {
        return week.endOfWeekOf(LocalDate.parse(day)).toInstant().atZone(DemoCalendars.LOS_ANGELES);
    }

    private static ZonedDateTime endOf(String day) {
        return LocalDate.parse(day).plusDays(1).atStartOfDay(DemoCalendars.LOS_ANGELES).minusNanos(1_000_000);
    }
}
