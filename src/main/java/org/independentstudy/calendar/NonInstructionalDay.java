package org.independentstudy.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One weekday of a school year without instruction (CAL-01). */
public record NonInstructionalDay(LocalDate date, NonInstructionalDayKind kind, String description) {

    public NonInstructionalDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description.strip();
    }
}
