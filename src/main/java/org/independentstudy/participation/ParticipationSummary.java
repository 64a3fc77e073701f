package org.independentstudy.participation;

import java.math.BigDecimal;

/**
 * What an active placement has produced so far, as the case view shows it: the days recorded (ATT-01), the
 * attendance register's total in days (ATT-03) and the assignments (ATT-05).
 */
public record ParticipationSummary(int participatoryDays, int nonparticipatoryDays, int synchronousMinutesOffered,
                                   int synchronousMinutesAttended, BigDecimal registerDays, int assignmentsCompleted,
                                   int assignmentsMissed, int assignmentsOpen, int assignmentsAwaitingApproval) {
}
