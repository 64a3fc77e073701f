package org.independentstudy.participation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * ATT-03, ATT-04: what one school day of independent study generates in the attendance register: the time value
 * of the work products credited to that day, as judged by a certificated teacher, plus the synchronous minutes the
 * student attended, divided by the policy's minimum day for the student's grade, and never more than one day.
 *
 * <p>Work is not banked: a work product is credited to the school day it was received (its completion day), so
 * late work never raises an earlier day, and a day with more work than a day's worth is capped at one day; the
 * surplus counts nowhere (CDE instructional-time FAQ on independent study).
 */
public final class RegisterDayValue {

    /** Four decimals per day, rounded down: a day never shows more than it earned. */
    public static final int SCALE = 4;

    private RegisterDayValue() {
    }

    public static BigDecimal of(int creditedWorkMinutes, int synchronousMinutes, int minimumDayMinutes) {
        if (minimumDayMinutes <= 0 || creditedWorkMinutes < 0 || synchronousMinutes < 0) {
            throw new IllegalArgumentException("ATT-04: minutes are never negative and a minimum day is positive");
        }
        BigDecimal value = BigDecimal.valueOf((long) creditedWorkMinutes + synchronousMinutes)
                .divide(BigDecimal.valueOf(minimumDayMinutes), SCALE, RoundingMode.DOWN);
        return value.min(BigDecimal.ONE.setScale(SCALE));
    }
}
