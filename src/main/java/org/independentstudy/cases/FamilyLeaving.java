package org.independentstudy.cases;

import java.time.LocalDate;
import org.independentstudy.enrollment.Enrollment.EndReason;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TRN-02, ENR-02: the family leaves, in any phase. Before the placement is active the family withdraws its request
 * or the parent disenrolls: the case process closes the case, cancelling its tasks, signing links and deadlines. An
 * active placement is disenrolled with its last day, as {@link PlacementEndings} ends it.
 */
@Service
public class FamilyLeaving {

    /** Who left how: WITHDRAWN (before active only) or DISENROLLED; the last day is for an active placement. */
    public record Leaving(EndReason reason, LocalDate lastDay, String note) {
    }

    private final CaseRecord caseRecord;
    private final CaseProgress process;
    private final PlacementEndings placementEndings;

    FamilyLeaving(CaseRecord caseRecord, CaseProgress process, PlacementEndings placementEndings) {
        this.caseRecord = caseRecord;
        this.process = process;
        this.placementEndings = placementEndings;
    }

    @Transactional
    public void leave(Long caseId, Leaving leaving) {
        IndependentStudyCase theCase = caseRecord.getForChange(caseId);
        if (theCase.isClosed()) {
            throw new ConflictException("Case " + caseId + " is already " + theCase.getPhase());
        }
        EndReason reason = leaving == null ? null : leaving.reason();
        if (reason != EndReason.WITHDRAWN && reason != EndReason.DISENROLLED) {
            throw InvalidRequestException.rule("TRN-02", "reason", "WITHDRAWN (the family withdraws its request "
                    + "before independent study begins) or DISENROLLED (the parent disenrolls the student)");
        }
        if (leaving.note() == null || leaving.note().isBlank()) {
            throw InvalidRequestException.rule("TRN-02", "note", "what the family said, for the case record");
        }
        if (theCase.getPhase() == CasePhase.ACTIVE) {
            if (reason == EndReason.WITHDRAWN) {
                throw InvalidRequestException.rule("TRN-02", "reason", "independent study has begun: the parent "
                        + "disenrolls (DISENROLLED) with the placement's last day");
            }
            placementEndings.end(caseId, new PlacementEndings.PlacementEnd(leaving.lastDay(), reason));
            return;
        }
        process.familyLeft(theCase.getProcessInstanceId(), reason, leaving.note().strip());
    }
}
