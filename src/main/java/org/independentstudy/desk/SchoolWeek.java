package org.independentstudy.desk;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.springframework.stereotype.Component;

/**
 * "This week" as a school counts it, for Tasklist's "Due this week" filter: up to the end of the last school day of
 * the school week that is running, or, in a break, of the first week back. Outside every loaded calendar it is the
 * end of this calendar week.
 */
@Component("schoolWeek")
public class SchoolWeek {

    private final SchoolCalendar calendar;
    private final Clock clock;

    SchoolWeek(SchoolCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The instant this school week ends; Tasklist's filter asks for tasks due before it (overdue included). */
    public Date end() {
        return endOfWeekOf(LocalDate.now(clock.withZone(calendar.districtZone())));
    }

    Date endOfWeekOf(LocalDate today) {
        try {
            LocalDate first = calendar.firstSchoolDayOnOrAfter(today);
            LocalDate sunday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            LocalDate last = first;
            for (LocalDate day : calendar.schoolDaysBetween(first, sunday)) {
                last = day;
            }
            return calendar.endOfSchoolDay(last);
        } catch (SchoolCalendarException noCalendar) {
            LocalDate monday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            return Date.from(monday.atStartOfDay(calendar.districtZone()).toInstant().minusMillis(1));
        }
    }
}
