package org.independentstudy.calendar;

/**
 * A calendar file in doubt was not saved (CAL-01): it has unclassified events, or its school-day count differs
 * from the year it replaces. Carries the preview for the administrator to check before confirming.
 */
public class CalendarConfirmationRequiredException extends RuntimeException {

    private final transient CalendarPreview preview;

    public CalendarConfirmationRequiredException(String source, CalendarPreview preview) {
        super(source + ": the " + preview.schoolYear() + " calendar was not saved: "
                + String.join("; ", preview.confirmationReasons()));
        this.preview = preview;
    }

    public CalendarPreview preview() {
        return preview;
    }
}
