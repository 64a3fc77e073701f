package org.independentstudy.agreement;

import java.time.LocalDate;
import java.time.ZoneId;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.policy.DistrictPolicy;
import org.springframework.stereotype.Component;

/** AGR-07 signature deadlines on the school calendar (CAL-02), under the policy the placement is decided by. */
@Component
public class SignatureDeadlines {

    private final SchoolCalendar schoolCalendar;

    public SignatureDeadlines(SchoolCalendar schoolCalendar) {
        this.schoolCalendar = schoolCalendar;
    }

    /**
     * AGR-07: long-term (at the policy's threshold or more) is fully signed before it begins; short-term within
     * the policy's N school days after the first day, or, when the policy sets no N, by the end of the school
     * year. Reminders go out the policy's reminder school days before the deadline.
     */
    public SignatureDeadline deadlineOf(boolean longTerm, LocalDate firstDay, DistrictPolicy policy) {
        ZoneId zone = schoolCalendar.districtZone();
        int reminderDays = policy.getSignatureReminderSchoolDays();
        if (longTerm) {
            LocalDate lastDay = firstDay.minusDays(1);
            return new SignatureDeadline(lastDay, firstDay.atStartOfDay(zone).toInstant(),
                    startOf(schoolDaysBefore(firstDay, reminderDays), zone),
                    "AGR-07: long-term placement, fully signed before the first day " + firstDay);
        }
        LocalDate lastDay = policy.shortTermSignatureDeadlineDays()
                .map(n -> schoolCalendar.addSchoolDays(firstDay, n))
                .orElseGet(() -> schoolCalendar.lastSchoolDayOfYear(firstDay));
        String rule = policy.shortTermSignatureDeadlineDays()
                .map(n -> "AGR-07: short-term placement, signed within " + n + " school days of the first day "
                        + firstDay + ", by " + lastDay)
                .orElse("AGR-07: short-term placement, signed by the end of the school year, " + lastDay);
        return new SignatureDeadline(lastDay, schoolCalendar.endOfSchoolDay(lastDay).toInstant(),
                startOf(schoolDaysBefore(lastDay, reminderDays), zone), rule);
    }

    /**
     * AGR-07: the first independent-study day that counts. A long-term placement signed on or after its
     * planned first day starts on the school day after the last signature (no day counts before it, nor the
     * day of signing, which began unsigned); a short-term one keeps its first day.
     */
    public LocalDate firstCountableDay(boolean longTerm, LocalDate plannedFirstDay, LocalDate lastSignatureDay) {
        if (!longTerm || lastSignatureDay.isBefore(plannedFirstDay)) {
            return plannedFirstDay;
        }
        return schoolCalendar.addSchoolDays(lastSignatureDay, 1);
    }

    /** The n-th school day before the date, but never before the first day of its school year. */
    private LocalDate schoolDaysBefore(LocalDate date, int n) {
        LocalDate firstDayOfYear = schoolCalendar.schoolYearOf(schoolCalendar.firstSchoolDayOnOrAfter(date)).firstDay();
        LocalDate day = date;
        int counted = 0;
        while (counted < n && day.isAfter(firstDayOfYear)) {
            day = day.minusDays(1);
            if (schoolCalendar.isSchoolDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static java.time.Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
