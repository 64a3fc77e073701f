package org.independentstudy.participation;

import java.time.LocalDate;
import java.util.List;

/** Days as a teacher records them, for the participation tests. */
final class ParticipationDays {

    private ParticipationDays() {
    }

    /** Participatory: 45 of 60 synchronous minutes attended and a 15-minute video check-in with the teacher. */
    static ParticipationEntry participatory(Long caseId, LocalDate day, String teacher) {
        return new ParticipationEntry(caseId, day, ParticipationStatus.PARTICIPATORY, null, 60, 45,
                List.of(new LiveInteraction(teacher, InteractionMethod.VIDEO, 15, "Reading check-in")));
    }

    static ParticipationEntry nonparticipatory(Long caseId, LocalDate day, String reason) {
        return new ParticipationEntry(caseId, day, ParticipationStatus.NONPARTICIPATORY, reason, 60, 0, List.of());
    }
}
