package org.independentstudy.calendar;

/** Why a weekday inside the school year has no instruction (CAL-01). */
public enum NonInstructionalDayKind {
    HOLIDAY,
    BREAK,
    STAFF_DAY,
    OTHER
}
