package org.independentstudy.participation;

import java.time.LocalDate;

/**
 * ATT-02: a required opportunity that was not offered or not documented: on a school day (DAILY), or in the
 * calendar week starting {@code day}'s Monday (WEEKLY).
 */
public record RequirementGap(Long caseId, String studentNumber, String studentName, String teacher, LocalDate day,
                             Opportunity opportunity, Frequency frequency, Kind kind) {

    public enum Opportunity { LIVE_INTERACTION, SYNCHRONOUS_INSTRUCTION }

    /** NOT_DOCUMENTED: no participation recorded for the day (or the week); NOT_OFFERED: recorded, none offered. */
    public enum Kind { NOT_DOCUMENTED, NOT_OFFERED }
}
