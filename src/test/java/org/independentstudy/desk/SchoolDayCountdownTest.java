package org.independentstudy.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 12.3: deadlines counted in school days of the demo district's 2026-27 calendar. */
class SchoolDayCountdownTest {

    private static final SchoolCalendar CALENDAR = DemoCalendars.bothDemoYears();
    private static final LocalDate FRIDAY_BEFORE_PRESIDENTS_WEEK = LocalDate.of(2027, 2, 12);

    @Test
    @DisplayName("Issue 12.3 CAL-02 the countdown skips a holiday week: from the Friday before Presidents' week, Monday 02-22 is due in 1 school day, not 10 days")
    void holidayWeekIsNotCounted() {
        SchoolDayCountdown countdown = SchoolDayCountdown.of(CALENDAR, FRIDAY_BEFORE_PRESIDENTS_WEEK,
                LocalDate.of(2027, 2, 22));
        assertThat(countdown.days()).isEqualTo(1);
        assertThat(countdown.wording()).isEqualTo("due in 1 school day");
        assertThat(SchoolDayCountdown.of(CALENDAR, FRIDAY_BEFORE_PRESIDENTS_WEEK, LocalDate.of(2027, 2, 24))
                .wording()).isEqualTo("due in 3 school days");
    }

    @Test
    @DisplayName("Issue 12.3 a deadline today is due today; one past is overdue by the school days since, today included")
    void todayAndOverdue() {
        assertThat(SchoolDayCountdown.of(CALENDAR, FRIDAY_BEFORE_PRESIDENTS_WEEK, FRIDAY_BEFORE_PRESIDENTS_WEEK)
                .wording()).isEqualTo("due today");
        SchoolDayCountdown late = SchoolDayCountdown.of(CALENDAR, LocalDate.of(2027, 2, 23), LocalDate.of(2027, 2, 12));
        assertThat(late.overdue()).isTrue();
        assertThat(late.wording()).isEqualTo("overdue by 2 school days");
        SchoolDayCountdown saturday = SchoolDayCountdown.of(CALENDAR, LocalDate.of(2027, 2, 13),
                LocalDate.of(2027, 2, 12));
        assertThat(saturday.overdue()).isTrue();
        assertThat(saturday.wording()).isEqualTo("overdue since 2027-02-12");
    }

    @Test
    @DisplayName("Issue 12.3 CAL-03 a deadline beyond every loaded calendar is counted in calendar days, and says so")
    void outsideTheLoadedCalendars() {
        SchoolDayCountdown countdown = SchoolDayCountdown.of(CALENDAR, LocalDate.of(2027, 6, 1),
                LocalDate.of(2027, 9, 1));
        assertThat(countdown.schoolDays()).isFalse();
        assertThat(countdown.wording()).isEqualTo("due in 92 calendar days (no school calendar loaded)");
    }
}
