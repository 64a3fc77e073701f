package org.independentstudy.participation;

import java.time.LocalDate;
import java.util.List;

/**
 * ATT-01: what a teacher records for one student's case and school day. Synchronous minutes are the student's own:
 * offered to the student, and attended by them (never more than offered).
 */
public record ParticipationEntry(Long caseId, LocalDate schoolDay, ParticipationStatus status,
                                 String nonparticipatoryReason, int synchronousOfferedMinutes,
                                 int synchronousAttendedMinutes, List<LiveInteraction> liveInteractions) {

    public ParticipationEntry {
        liveInteractions = liveInteractions == null ? List.of() : List.copyOf(liveInteractions);
    }

    /** The recorded values as the timeline words a correction: before and after. */
    String describe() {
        StringBuilder text = new StringBuilder(status == ParticipationStatus.NONPARTICIPATORY
                ? "nonparticipatory (" + nonparticipatoryReason + ")" : "participatory");
        text.append(", synchronous ").append(synchronousAttendedMinutes).append(" of ")
                .append(synchronousOfferedMinutes).append(" min attended");
        liveInteractions.forEach(i -> text.append(", live interaction ").append(i.describe()));
        return text.toString();
    }
}
