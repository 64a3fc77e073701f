package org.independentstudy.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.independentstudy.enrollment.Enrollment;

/** Where a case's process stands: implemented on the engine, read by the case API. */
public interface CaseProgress {

    record OpenTask(String id, String step, String name, List<String> candidateGroups, String assignee,
                    Instant due) {
    }

    /** A timer of the case process: the step it escalates, its name in the diagram, and when. */
    record Deadline(String step, String name, Instant due) {
    }

    void start(Long caseId);

    /** The open tasks of every process of the case (the case itself, its agreement, re-engagement, notices...). */
    List<OpenTask> openTasks(Long caseId);

    /** The running timers of every process of the case. */
    List<Deadline> deadlines(Long caseId);

    /** Hands an early end of the active placement (TRN-02) to the waiting case process, which closes the case. */
    void endPlacement(String processInstanceId, LocalDate lastDay, Enrollment.EndReason reason);

    /** TRN-01: the family asked to return to in-person instruction; the case process starts the return. */
    void requestReturn(String processInstanceId, LocalDate requestedOn, String requestedBy);

    /** TRN-02: the family left before the placement became active; the case process closes the case. */
    void familyLeft(String processInstanceId, Enrollment.EndReason reason, String note);
}
