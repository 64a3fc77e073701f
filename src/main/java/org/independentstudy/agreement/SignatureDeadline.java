package org.independentstudy.agreement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * AGR-07: when an agreement must be fully signed, and when unsigned parties are reminded and the principal
 * is asked to step in.
 *
 * @param lastDayToSign the last school day on which signing is in time (long-term: the day before the start)
 * @param deadlineAt    the instant the deadline passes
 * @param reminderAt    the instant reminders go out and the principal's escalation task opens
 */
public record SignatureDeadline(LocalDate lastDayToSign, Instant deadlineAt, Instant reminderAt, String rule) {
}
