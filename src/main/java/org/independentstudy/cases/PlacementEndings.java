package org.independentstudy.cases;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.independentstudy.enrollment.Enrollment.EndReason;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.Enrollments;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An active placement ended before its agreement's last day: the parent disenrolled (TRN-02) or the student went
 * back to in-person instruction (TRN-01, TRN-03). Staff record it; the case process closes the case. A placement that
 * runs to its agreement's last day closes by itself.
 */
@Service
public class PlacementEndings {

    public record PlacementEnd(LocalDate lastDay, EndReason reason) {
    }

    private final CaseRecord caseRecord;
    private final Enrollments enrollments;
    private final CaseProgress process;

    PlacementEndings(CaseRecord caseRecord, Enrollments enrollments, CaseProgress process) {
        this.caseRecord = caseRecord;
        this.enrollments = enrollments;
        this.process = process;
    }

    @Transactional
    public void end(Long caseId, PlacementEnd end) {
        IndependentStudyCase theCase = caseRecord.get(caseId);
        if (theCase.getPhase() != CasePhase.ACTIVE) {
            throw new ConflictException("Case " + caseId + " is " + theCase.getPhase()
                    + ": only an active placement ends this way");
        }
        Enrollment enrollment = enrollments.of(caseId);
        Map<String, String> problems = new LinkedHashMap<>();
        if (end.reason() == null || end.reason() == EndReason.COMPLETED) {
            problems.put("reason", "DISENROLLED or RETURNED_TO_IN_PERSON (a placement completes on its last day by itself)");
        }
        if (end.lastDay() == null) {
            problems.put("lastDay", "the last day of independent study is required");
        } else if (end.lastDay().isBefore(enrollment.getActivatedOn())) {
            problems.put("lastDay", end.lastDay() + " is before the placement's first day " + enrollment.getActivatedOn());
        } else if (end.lastDay().isAfter(enrollment.getProjectedEnd())) {
            problems.put("lastDay", end.lastDay() + " is after the placement's last day " + enrollment.getProjectedEnd());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The placement end is not valid: " + problems, problems, "TRN-02");
        }
        process.endPlacement(theCase.getProcessInstanceId(), end.lastDay(), end.reason());
    }
}
