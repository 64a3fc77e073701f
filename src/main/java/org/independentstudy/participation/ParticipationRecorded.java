package org.independentstudy.participation;

import java.util.List;

/**
 * Published in the recording's transaction after days were recorded or corrected (ATT-01). The re-engagement phase
 * reads it: a day newly nonparticipatory owes the parents a notice (REE-06); a correction may withdraw a trigger.
 *
 * @param newlyNonparticipatory days recorded as nonparticipatory, or corrected to it, in this call
 * @param corrections           what each correction changed, as the case timeline says it
 */
public record ParticipationRecorded(String recorder, List<ParticipationEntry> newlyNonparticipatory,
                                    List<Correction> corrections) {

    public record Correction(Long caseId, String description) {
    }
}
