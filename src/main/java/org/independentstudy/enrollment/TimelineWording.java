package org.independentstudy.enrollment;

/** How a coded value reads on the case timeline: {@code IN_PERSON} as "in person". */
final class TimelineWording {

    private TimelineWording() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase().replace('_', ' ');
    }

    /** {@code prefix + text}, or nothing when no text was given: optional remarks of a timeline entry. */
    static String optional(String prefix, String text) {
        return text == null || text.isBlank() ? "" : prefix + text.strip();
    }
}
