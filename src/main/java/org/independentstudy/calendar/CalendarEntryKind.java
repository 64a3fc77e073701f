package org.independentstudy.calendar;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What one entry of an imported calendar file says (CAL-01): a boundary of the school year or semester,
 * non-instructional days, or an event on a school day that closes nothing (back-to-school night, a minimum
 * day). The names are the CSV {@code kind} values and the iCalendar CATEGORIES.
 */
enum CalendarEntryKind {
    FIRST_DAY(null),
    LAST_DAY(null),
    SEMESTER_2_START(null),
    /** The first school day of a school month of the district's attendance calendar (ATT-06). */
    SCHOOL_MONTH_START(null),
    HOLIDAY(NonInstructionalDayKind.HOLIDAY),
    BREAK(NonInstructionalDayKind.BREAK),
    STAFF_DAY(NonInstructionalDayKind.STAFF_DAY),
    OTHER(NonInstructionalDayKind.OTHER),
    SCHOOL_DAY(null);

    private final NonInstructionalDayKind nonInstructionalKind;

    CalendarEntryKind(NonInstructionalDayKind nonInstructionalKind) {
        this.nonInstructionalKind = nonInstructionalKind;
    }

    /** Empty for the year, semester and month boundaries and for school-day events: all are school days. */
    Optional<NonInstructionalDayKind> nonInstructionalKind() {
        return Optional.ofNullable(nonInstructionalKind);
    }

    /** The first day, last day and second semester start: single school days, once each. */
    boolean isBoundary() {
        return this == FIRST_DAY || this == LAST_DAY || this == SEMESTER_2_START;
    }

    /** The boundaries and the school-month starts: entries of one school day. */
    boolean isSingleDay() {
        return isBoundary() || this == SCHOOL_MONTH_START;
    }

    /** Case-insensitive; spaces and hyphens count as underscores ("staff-day", "Semester 2 Start"). */
    static Optional<CalendarEntryKind> parse(String text) {
        String normalized = normalize(text);
        return Arrays.stream(values()).filter(kind -> kind.name().equals(normalized)).findFirst();
    }

    /** Upper case with underscores, as the kind names are written. */
    static String normalize(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    static String allNames() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
