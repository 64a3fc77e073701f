package org.independentstudy.participation;

import java.time.Instant;
import java.time.LocalDate;

/** ATT-05: an assignment as recorded, with its approval (AGR-10) and whether it counts as missed. */
public record AssignmentView(Long id, Long caseId, String title, String teacher, LocalDate assignedOn,
                             LocalDate dueOn, int timeValueMinutes, boolean approvalRequired, String approvedBy,
                             Instant approvedAt, LocalDate completedOn, Integer creditedMinutes, String evaluation,
                             boolean missed) {
}
