package org.independentstudy.transition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When the records a closing case lacks are due, on the demo calendars (2026-27 ends on Thursday 2027-06-10). */
class RecordsDueTest {

    private final ClosingCheck check = new ClosingCheck(null, DemoCalendars.bothDemoYears(), null);

    @Test
    @DisplayName("Issue 12.4 TRN-04 CAL-02 missing records are due by the end of the school day after the placement's last day: Thursday before a pupil-free Friday gives Monday")
    void nextSchoolDay() {
        assertThat(check.recordsDueAt(LocalDate.of(2026, 10, 8)))
                .isEqualTo(Date.from(Instant.parse("2026-10-13T06:59:59.999Z")));
    }

    @Test
    @DisplayName("Issue 12.4 TRN-04 CAL-03 a placement that ran to the school year's last day has its records due as that day ends, without the next year's calendar")
    void yearsLastDay() {
        assertThat(check.recordsDueAt(LocalDate.of(2027, 6, 10)))
                .isEqualTo(Date.from(Instant.parse("2027-06-11T06:59:59.999Z")));
    }
}
