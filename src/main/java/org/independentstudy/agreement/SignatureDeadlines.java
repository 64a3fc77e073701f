package org.independentstudy.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.policy.DistrictPolicy;
import org.springframework.stereotype.Component;

/**
 * AGR-07 signature deadlines on the school calendar (CAL-02), under the policy the placement is decided by, and
 * which independent-study days count once the agreement is signed.
 */
@Component
public class SignatureDeadlines {

    /** AGR-07: what signing after the window means; every record that speaks of it uses these words. */
    public static final String LATE_SIGNATURE_COUNTS = "independent study counts only from the school day after "
            + "the last signature; no day before it counts";

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
        if (longTerm) {
            LocalDate lastDay = lastSchoolDayBefore(firstDay);
            return new SignatureDeadline(lastDay, startOf(firstDay),
                    startOf(schoolDaysBefore(firstDay, policy.getSignatureReminderSchoolDays())),
                    "AGR-07: long-term placement, fully signed before the first day " + firstDay + ", by " + lastDay);
        }
        return window(firstDay, policy, "short-term placement, signed", "of the first day " + firstDay);
    }

    /**
     * AGR-07: the fresh window a principal's decision opens after a missed deadline: the policy's short-term count
     * from the decision day, for either placement type (a long-term placement signed late starts after its last
     * signature, and the law gives it no other window).
     */
    public SignatureDeadline windowFrom(LocalDate decisionDay, DistrictPolicy policy) {
        return window(decisionDay, policy, "fresh signing window after the principal's decision, signed",
                "of " + decisionDay);
    }

    /**
     * AGR-07: the principal keeps waiting until a school day after today; without a named day, until the end of
     * the policy's fresh window.
     *
     * @throws InvalidRequestException naming {@code waitUntil} when the day is not a school day after today
     */
    public LocalDate waitingDay(LocalDate today, LocalDate named, DistrictPolicy policy) {
        LocalDate day = named != null ? named : windowFrom(today, policy).lastDayToSign();
        if (!day.isAfter(today) || !isSchoolDay(day)) {
            throw InvalidRequestException.rule("AGR-07", "waitUntil", "the day to wait until (waitUntil) " + day
                    + " is not a school day after today (" + today + ")");
        }
        return day;
    }

    /** The deadline moved to the end of the school day the principal waits until; reminders stay as they were. */
    public SignatureDeadline waitingUntil(SignatureDeadline deadline, LocalDate day) {
        return new SignatureDeadline(day, schoolCalendar.endOfSchoolDay(day).toInstant(), deadline.reminderAt(),
                deadline.rule() + "; the principal waits until " + day);
    }

    /**
     * AGR-07: the first independent-study day that counts, and why, in one decision: signed within the policy's
     * window counted from the first day (long-term: before it), every day from the first day counts; signed later,
     * only the days from the school day after the last signature (the day of signing began unsigned).
     */
    public CountableDays countableDays(boolean longTerm, LocalDate firstDay, DistrictPolicy policy,
                                       LocalDate lastSignatureDay) {
        SignatureDeadline window = deadlineOf(longTerm, firstDay, policy);
        boolean inTime = longTerm ? lastSignatureDay.isBefore(firstDay)
                : !lastSignatureDay.isAfter(window.lastDayToSign());
        if (inTime) {
            return new CountableDays(firstDay, "Fully signed on " + lastSignatureDay + ", in time (" + window.rule()
                    + "): every day from the first day " + firstDay + " counts");
        }
        LocalDate first = schoolCalendar.addSchoolDays(lastSignatureDay, 1);
        return new CountableDays(first, "Fully signed on " + lastSignatureDay + ", after its window ("
                + window.rule() + "): " + LATE_SIGNATURE_COUNTS + "; independent study starts on " + first
                + " instead of the planned " + firstDay);
    }

    /** The first independent-study day that counts, and the sentence the case record gives for it. */
    public record CountableDays(LocalDate firstCountableDay, String explanation) {
    }

    private SignatureDeadline window(LocalDate from, DistrictPolicy policy, String what, String counted) {
        LocalDate lastDay = policy.shortTermSignatureDeadlineDays()
                .map(n -> schoolCalendar.addSchoolDays(from, n))
                .orElseGet(() -> schoolCalendar.lastSchoolDayOfYear(from));
        String rule = policy.shortTermSignatureDeadlineDays()
                .map(n -> "AGR-07: " + what + " within " + n + " school days " + counted + ", by " + lastDay)
                .orElse("AGR-07: " + what + " by the end of the school year, " + lastDay);
        return new SignatureDeadline(lastDay, schoolCalendar.endOfSchoolDay(lastDay).toInstant(),
                startOf(schoolDaysBefore(lastDay, policy.getSignatureReminderSchoolDays())), rule);
    }

    /**
     * CAL-02: the last day to sign a long-term agreement is the school day before its first day. A first day that
     * opens its school year has no school day before it in that year: the family signs over the summer, by the
     * day before.
     */
    private LocalDate lastSchoolDayBefore(LocalDate firstDay) {
        LocalDate day = schoolDaysBefore(firstDay, 1);
        return day.isBefore(firstDay) ? day : firstDay.minusDays(1);
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

    private boolean isSchoolDay(LocalDate day) {
        try {
            return schoolCalendar.isSchoolDay(day);
        } catch (SchoolCalendarException e) {
            return false;
        }
    }

    private Instant startOf(LocalDate day) {
        ZoneId zone = schoolCalendar.districtZone();
        return day.atStartOfDay(zone).toInstant();
    }
}
