package org.independentstudy.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A monthly evaluation as the case view shows it, with the formal evaluation's outcome and notices (ATT-06..08). */
public record ProgressEvaluationView(Long id, String schoolYear, int schoolMonth, LocalDate monthFirstDay,
                                     LocalDate monthLastDay, String teacher, LocalDate evaluatedOn,
                                     boolean satisfactory, boolean formalEvaluation, int assignmentsCompleted,
                                     int assignmentsMissed, BigDecimal registerDays, EvaluationOutcome outcome,
                                     String outcomeBy, LocalDate retainUntil, List<Notice> notices) {

    /** ATT-07: one recipient's notice: e-mailed (SENT once the server took it, FAILED) or a letter TO_PRINT. */
    public record Notice(String recipient, String role, String channel, String status) {
    }
}
