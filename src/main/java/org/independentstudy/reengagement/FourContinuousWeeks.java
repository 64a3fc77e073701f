package org.independentstudy.reengagement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolYear;

/**
 * REE-01's window, as rules.md defines it: the four most recent calendar weeks (Monday to Sunday) up to and
 * including the week of school day D that each contain at least one school day; a week without one (a break) is
 * skipped, not counted. Only the school days up to D count. The window stays inside D's school year: a placement
 * never spans two (AGR-05), so early in the year the window simply holds fewer weeks.
 *
 * @param schoolDays the school days of the window, oldest first; D is the last
 */
public record FourContinuousWeeks(LocalDate firstWeekMonday, List<LocalDate> schoolDays) {

    static final int WEEKS = 4;

    public static FourContinuousWeeks endingOn(SchoolCalendar calendar, LocalDate schoolDay) {
        if (!calendar.isSchoolDay(schoolDay)) {
            throw new IllegalArgumentException("REE-01: the sweep runs after a school day; " + schoolDay + " is not one");
        }
        SchoolYear year = calendar.schoolYearOf(schoolDay);
        List<LocalDate> days = calendar.schoolDaysBetween(year.firstDay(), schoolDay);
        List<LocalDate> window = new ArrayList<>();
        LocalDate monday = null;
        int weeks = 0;
        for (int i = days.size() - 1; i >= 0; i--) {
            LocalDate weekOf = days.get(i).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (!weekOf.equals(monday)) {
                if (weeks == WEEKS) {
                    break;
                }
                weeks++;
                monday = weekOf;
            }
            window.add(0, days.get(i));
        }
        return new FourContinuousWeeks(monday, List.copyOf(window));
    }

    public LocalDate lastDay() {
        return schoolDays.get(schoolDays.size() - 1);
    }
}
