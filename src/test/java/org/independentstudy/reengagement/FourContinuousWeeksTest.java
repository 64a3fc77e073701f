package org.independentstudy.reengagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** REE-01's window on the demo calendar 2026-27, without Spring. */
class FourContinuousWeeksTest {

    private final SchoolCalendar calendar = DemoCalendars.bothDemoYears();

    @Test
    @DisplayName("REE-01 four continuous weeks: a week with school days counts its days up to D; D's own week counts from Monday to D")
    void fourOrdinaryWeeks() {
        FourContinuousWeeks window = FourContinuousWeeks.endingOn(calendar, LocalDate.of(2026, 11, 4));

        // weeks of Oct 12, 19, 26 and Nov 2 (Wednesday Nov 4 is D): 5 + 5 + 5 + 3 school days
        assertThat(window.firstWeekMonday()).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(window.schoolDays()).hasSize(18).startsWith(LocalDate.of(2026, 10, 12))
                .endsWith(LocalDate.of(2026, 11, 4));
    }

    @Test
    @DisplayName("REE-01 a break inside the four weeks: the weeks of the winter break have no school day and are skipped, not counted")
    void winterBreakWeeksAreSkipped() {
        FourContinuousWeeks window = FourContinuousWeeks.endingOn(calendar, LocalDate.of(2027, 1, 22));

        // Jan 18 week (MLK Monday off): 19-22; Jan 11 week (Friday 15 pupil-free): 11-14; Jan 4 week: 7-8;
        // Dec 28 and Dec 21 weeks: break, skipped; Dec 14 week: 14-18
        assertThat(window.firstWeekMonday()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(window.schoolDays()).containsExactly(
                LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 16),
                LocalDate.of(2026, 12, 17), LocalDate.of(2026, 12, 18),
                LocalDate.of(2027, 1, 7), LocalDate.of(2027, 1, 8),
                LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 13),
                LocalDate.of(2027, 1, 14),
                LocalDate.of(2027, 1, 19), LocalDate.of(2027, 1, 20), LocalDate.of(2027, 1, 21),
                LocalDate.of(2027, 1, 22));
    }

    @Test
    @DisplayName("REE-01 a whole week off (Presidents' week) is skipped: the window reaches back a week further")
    void presidentsWeekIsSkipped() {
        FourContinuousWeeks window = FourContinuousWeeks.endingOn(calendar, LocalDate.of(2027, 2, 22));

        assertThat(window.firstWeekMonday()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(window.schoolDays()).doesNotContain(LocalDate.of(2027, 2, 16))
                .startsWith(LocalDate.of(2027, 1, 25)).endsWith(LocalDate.of(2027, 2, 22)).hasSize(16);
    }

    @Test
    @DisplayName("REE-01 early in the school year the window holds the weeks since the first day; it never reaches into summer")
    void firstWeeksOfTheYear() {
        FourContinuousWeeks window = FourContinuousWeeks.endingOn(calendar, LocalDate.of(2026, 8, 18));

        assertThat(window.schoolDays()).containsExactly(LocalDate.of(2026, 8, 13), LocalDate.of(2026, 8, 14),
                LocalDate.of(2026, 8, 17), LocalDate.of(2026, 8, 18));
    }

    @Test
    @DisplayName("REE-01 the sweep runs after a school day: a Saturday is refused")
    void notASchoolDay() {
        assertThatThrownBy(() -> FourContinuousWeeks.endingOn(calendar, LocalDate.of(2027, 1, 23)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one");
    }
}
