package org.independentstudy.desk;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;

/**
 * How far a deadline is, in the unit the law counts it in: school days of the district calendar. "Due in 3 school
 * days" counts the school days after today up to and including the due day; a deadline already past counts the
 * school days since. Outside a loaded calendar (a deadline set in next year's summer) it falls back to calendar
 * days and says so.
 */
public record SchoolDayCountdown(long days, boolean schoolDays, boolean overdue, String wording) {

    public static SchoolDayCountdown of(SchoolCalendar calendar, LocalDate today, LocalDate due) {
        if (due.equals(today)) {
            return new SchoolDayCountdown(0, true, false, "due today");
        }
        boolean past = due.isBefore(today);
        LocalDate from = past ? due.plusDays(1) : today.plusDays(1);
        LocalDate to = past ? today : due;
        try {
            int days = calendar.countSchoolDays(from, to);
            if (past) {
                // overdue by the school days since the due day, today included when it is one
                return new SchoolDayCountdown(days, true, true, days == 0 ? "overdue since " + due
                        : "overdue by " + plural(days, "school day"));
            }
            return new SchoolDayCountdown(days, true, false, days == 0 ? "due on " + due + ", before the next school day"
                    : "due in " + plural(days, "school day"));
        } catch (SchoolCalendarException outsideLoadedCalendar) {
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            return new SchoolDayCountdown(days, false, past, (past ? "overdue by " : "due in ")
                    + plural(days, "calendar day") + " (no school calendar loaded)");
        }
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
