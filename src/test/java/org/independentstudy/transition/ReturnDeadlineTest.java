package org.independentstudy.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** On the demo calendar 2026-27: Thanksgiving break Nov 23-27, staff day Jan 15, MLK Day Jan 18. */
class ReturnDeadlineTest {

    private final SchoolCalendar calendar = DemoCalendars.bothDemoYears();

    @Test
    @DisplayName("TRN-01 the fifth instructional day after a request before Thanksgiving break skips the break: Wed Nov 18 gives Wed Dec 2, warned Mon Nov 30")
    void acrossABreak() {
        ReturnDeadline deadline = ReturnDeadline.of(calendar, LocalDate.of(2026, 11, 18), true, false);

        assertThat(deadline.lastDay()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(deadline.warnOn()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    @DisplayName("TRN-01 a staff day and a holiday are no instructional days: Wed Jan 13 gives Fri Jan 22, not Wed Jan 20")
    void acrossAStaffDayAndAHoliday() {
        assertThat(ReturnDeadline.of(calendar, LocalDate.of(2027, 1, 13), true, false).lastDay())
                .isEqualTo(LocalDate.of(2027, 1, 22));
    }

    @Test
    @DisplayName("TRN-01 a request on a non-school day counts from the next school day: Sat Jan 16 gives Mon Jan 25")
    void requestOnANonSchoolDay() {
        assertThat(ReturnDeadline.of(calendar, LocalDate.of(2027, 1, 16), true, false).lastDay())
                .isEqualTo(LocalDate.of(2027, 1, 25));
    }

    @Test
    @DisplayName("TRN-01 ENR-11 short-term and exempt placements take the same steps without a legal deadline")
    void noLegalDeadline() {
        assertThat(ReturnDeadline.of(calendar, LocalDate.of(2027, 1, 13), false, false).applies()).isFalse();
        ReturnDeadline exempt = ReturnDeadline.of(calendar, LocalDate.of(2027, 1, 13), true, true);
        assertThat(exempt.applies()).isFalse();
        assertThat(exempt.lastDay()).isNull();
        assertThat(exempt.describe()).contains("no legal deadline");
    }
}
