package org.independentstudy.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place for school-day arithmetic (CAL-02), on the district calendars loaded from the database.
 * Callable from BPMN expressions, e.g. {@code <timeDate>${schoolCalendar.addSchoolDays(startDate, 5)}</timeDate>}.
 *
 * <p>Conventions (rules.md): "N school days after D" is the N-th school day following D, D itself not
 * counted; D may be a non-school day. Ranges are inclusive at both ends.
 *
 * <p>Coverage (CAL-03): a date must lie within a loaded school year, first to last day inclusive, or a
 * {@link SchoolCalendarException} names the missing school year; never a guess with weekdays. Counting
 * <em>from</em> a date between two school years (a family asking in July) starts at the next year's first
 * day when that year is loaded ({@link #addSchoolDays(LocalDate, int)}, {@link #countSchoolDays},
 * {@link #schoolDaysBetween}, {@link #firstSchoolDayOnOrAfter}); every other question about a summer date is
 * an error. Results may cross the summer into the next school year only when that year's calendar is loaded.
 *
 * <p>Thread-safe: the loaded calendars are an immutable snapshot swapped in one write by {@link #load}.
 */
@Component("schoolCalendar")
public class SchoolCalendar {

    private static final int SCHOOL_MONTH_LENGTH = 20;

    private final ZoneId districtZone;
    private volatile CalendarSnapshot snapshot = CalendarSnapshot.EMPTY;

    public SchoolCalendar(@Value("${isp.district.time-zone:America/Los_Angeles}") ZoneId districtZone) {
        this.districtZone = districtZone;
    }

    /** Replaces the loaded calendars (at startup and after each import). */
    public void load(List<SchoolYearCalendar> calendars) {
        snapshot = new CalendarSnapshot(calendars);
    }

    public ZoneId districtZone() {
        return districtZone;
    }

    /** The loaded school years, oldest first. */
    public List<SchoolYear> loadedSchoolYears() {
        return snapshot.years().stream().map(CalendarSnapshot.LoadedYear::schoolYear).toList();
    }

    // CAL-02, CAL-03
    public boolean isSchoolDay(LocalDate date) {
        CalendarSnapshot current = snapshot;
        return Arrays.binarySearch(current.yearContaining(date).schoolDays(), date) >= 0;
    }

    /**
     * The {@code n}-th school day after {@code date}, which itself is not counted and may be a non-school day
     * (CAL-02). {@code n = 0} returns {@code date} when it is a school day. From a date between two school
     * years the next year's first day is the first school day after it.
     *
     * @throws IllegalArgumentException when n is negative, or n is 0 and date is not a school day
     * @throws SchoolCalendarException  when the school year counting starts in, or the one the result would
     *                                  lie in, has no loaded calendar (CAL-03)
     */
    public LocalDate addSchoolDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Cannot add a negative number of school days (" + n + ")");
        }
        CalendarSnapshot current = snapshot;
        String purpose = n + " school days after " + date;
        CalendarSnapshot.LoadedYear start = current.yearCountedFrom(date, purpose);
        LocalDate[] days = current.schoolDays();
        if (n == 0) {
            if (Arrays.binarySearch(days, date) < 0) {
                throw new IllegalArgumentException(date + " is not a school day; 0 school days after it is undefined");
            }
            return date;
        }
        int target = firstIndexAfter(days, date) + n - 1;
        if (target >= days.length) {
            String lastLoaded = current.years().get(current.years().size() - 1).calendar().schoolYear();
            throw current.missingYear(SchoolYearCalendar.nextLabel(lastLoaded), purpose);
        }
        current.requireConsecutive(start, current.yearOfIndex(target), purpose);
        return days[target];
    }

    /**
     * For BPMN timer and due-date expressions: the {@code n}-th school day after the district-local date of
     * {@code date}, returned as the start of that day (00:00 in the district time zone). A timer with this
     * value fires as that school day begins; for "within N school days" deadlines use
     * {@link #endOfSchoolDay(LocalDate)} on the {@link LocalDate} result instead.
     */
    public Date addSchoolDays(Date date, int n) {
        LocalDate local = date.toInstant().atZone(districtZone).toLocalDate();
        return Date.from(addSchoolDays(local, n).atStartOfDay(districtZone).toInstant());
    }

    /**
     * The last instant of the given day in the district time zone (23:59:59.999), for deadlines that are
     * met "on or before" a school day; the day must be a school day (CAL-02: no deadline on a non-school day).
     */
    public Date endOfSchoolDay(LocalDate schoolDay) {
        if (!isSchoolDay(schoolDay)) {
            throw new IllegalArgumentException(schoolDay + " is not a school day; a deadline never falls on one");
        }
        return Date.from(schoolDay.plusDays(1).atStartOfDay(districtZone).toInstant().minusMillis(1));
    }

    /**
     * For BPMN due-date expressions: the end of the {@code n}-th school day after a day, "within n school days of"
     * it (CAL-02). The day is what a process holds, whoever set it: a {@link Date} (its district-local day; a
     * deadline at the end of a day is that day), a {@link LocalDate}, or yyyy-MM-dd text as Camunda Forms submit it.
     */
    public Date endOfSchoolDaysAfter(Object day, int n) {
        LocalDate local;
        if (day instanceof Date date) {
            local = date.toInstant().atZone(districtZone).toLocalDate();
        } else if (day instanceof LocalDate date) {
            local = date;
        } else if (day instanceof String text && text.strip().length() >= 10) {
            local = LocalDate.parse(text.strip().substring(0, 10));
        } else {
            throw new IllegalArgumentException("No day to count " + n + " school days from: " + day);
        }
        return endOfSchoolDay(addSchoolDays(local, n));
    }

    /**
     * School days from {@code fromInclusive} to {@code toInclusive}, both counted when they are school days; from
     * a date between two school years counting starts at the next year's first day.
     */
    public int countSchoolDays(LocalDate fromInclusive, LocalDate toInclusive) {
        CalendarSnapshot current = snapshot;
        int[] range = indexRange(current, fromInclusive, toInclusive);
        return range[1] - range[0];
    }

    /** The school days from {@code fromInclusive} to {@code toInclusive}, in order. */
    public List<LocalDate> schoolDaysBetween(LocalDate fromInclusive, LocalDate toInclusive) {
        CalendarSnapshot current = snapshot;
        int[] range = indexRange(current, fromInclusive, toInclusive);
        return List.of(Arrays.copyOfRange(current.schoolDays(), range[0], range[1]));
    }

    /**
     * The date itself when it is a school day, else the next one: in the same school year, or for a date between
     * two school years the next year's first day (CAL-03: that year must be loaded).
     */
    public LocalDate firstSchoolDayOnOrAfter(LocalDate date) {
        CalendarSnapshot.LoadedYear year = snapshot.yearCountedFrom(date, "the first school day on or after " + date);
        // the year's last day is a school day (checked on import), so there is one on or after date
        return year.schoolDays()[firstIndexOnOrAfter(year.schoolDays(), date)];
    }

    public SchoolYear schoolYearOf(LocalDate date) {
        return snapshot.yearContaining(date).schoolYear();
    }

    public LocalDate lastSchoolDayOfYear(LocalDate date) {
        return snapshot.yearContaining(date).calendar().lastDay();
    }

    /**
     * The school month of a date (CAL-01): the district's attendance months when its calendar file gives them
     * (ATT-06), else blocks of 20 school days from the year's first day. A non-school day belongs to the month of
     * the last school day before it (a weekend or break closes the month it interrupts).
     */
    public SchoolMonth schoolMonthOf(LocalDate date) {
        CalendarSnapshot.LoadedYear year = snapshot.yearContaining(date);
        LocalDate[] days = year.schoolDays();
        // the first day is a school day, so a date inside the year has a school day on or before it
        int index = firstIndexAfter(days, date) - 1;
        List<LocalDate> starts = year.calendar().schoolMonthStarts();
        if (!starts.isEmpty()) {
            int month = 0;
            while (month + 1 < starts.size() && !starts.get(month + 1).isAfter(days[index])) {
                month++;
            }
            LocalDate first = starts.get(month);
            int last = month + 1 < starts.size() ? firstIndexOnOrAfter(days, starts.get(month + 1)) - 1
                    : days.length - 1;
            return new SchoolMonth(year.calendar().schoolYear(), month + 1, first, days[last]);
        }
        int month = index / SCHOOL_MONTH_LENGTH;
        int first = month * SCHOOL_MONTH_LENGTH;
        int last = Math.min(first + SCHOOL_MONTH_LENGTH, days.length) - 1;
        return new SchoolMonth(year.calendar().schoolYear(), month + 1, days[first], days[last]);
    }

    /** Semester 1 or 2 of the date's school year (CAL-01). */
    public Semester semesterOf(LocalDate date) {
        CalendarSnapshot.LoadedYear year = snapshot.yearContaining(date);
        SchoolYearCalendar calendar = year.calendar();
        LocalDate secondStart = calendar.secondSemesterFirstDay();
        if (date.isBefore(secondStart)) {
            LocalDate[] days = year.schoolDays();
            LocalDate lastOfFirst = days[firstIndexOnOrAfter(days, secondStart) - 1];
            return new Semester(calendar.schoolYear(), 1, calendar.firstDay(), lastOfFirst);
        }
        return new Semester(calendar.schoolYear(), 2, secondStart, calendar.lastDay());
    }

    /**
     * {@code [fromIndex, toIndexExclusive)} in the global school-day array (CAL-03): the end must be covered, the
     * start covered or between two school years.
     */
    private static int[] indexRange(CalendarSnapshot current, LocalDate fromInclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromInclusive)) {
            throw new IllegalArgumentException("Range ends (" + toInclusive + ") before it starts (" + fromInclusive + ")");
        }
        String purpose = "school days from " + fromInclusive + " to " + toInclusive;
        current.requireConsecutive(current.yearCountedFrom(fromInclusive, purpose), current.yearContaining(toInclusive),
                purpose);
        LocalDate[] days = current.schoolDays();
        return new int[] {firstIndexOnOrAfter(days, fromInclusive), firstIndexAfter(days, toInclusive)};
    }

    private static int firstIndexOnOrAfter(LocalDate[] sortedDays, LocalDate date) {
        int found = Arrays.binarySearch(sortedDays, date);
        return found >= 0 ? found : -found - 1;
    }

    private static int firstIndexAfter(LocalDate[] sortedDays, LocalDate date) {
        int found = Arrays.binarySearch(sortedDays, date);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
