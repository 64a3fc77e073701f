package org.independentstudy.audit;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * REC-04 (EC 51745.6): independent-study average daily attendance per full-time-equivalent certificated teacher.
 * ADA over a period is the attendance days the register generated (ATT-03) divided by the period's school days; the
 * ratio divides it by the teachers' FTE. Two decimals, rounded half up, as the state's reports print them.
 */
public final class TeacherRatio {

    private TeacherRatio() {
    }

    public static BigDecimal ada(BigDecimal registerDays, int schoolDays) {
        if (schoolDays <= 0) {
            throw new IllegalArgumentException("REC-04: a period has at least one school day");
        }
        return registerDays.divide(BigDecimal.valueOf(schoolDays), 2, RoundingMode.HALF_UP);
    }

    /** ADA per FTE; null when no teacher FTE is on record for the year (nothing to divide by). */
    public static BigDecimal perFte(BigDecimal registerDays, int schoolDays, BigDecimal fte) {
        if (fte == null || fte.signum() <= 0) {
            return null;
        }
        return registerDays.divide(BigDecimal.valueOf(schoolDays), 10, RoundingMode.HALF_UP)
                .divide(fte, 2, RoundingMode.HALF_UP);
    }
}
