package org.independentstudy.participation;

import java.time.LocalDate;

/**
 * ATT-05: an assignment as a teacher enters it: new (no id) with its dates and planned time value, or an existing
 * one (id) completed and evaluated: the school day the work product was received, the time value the certificated
 * teacher judges it worth (ATT-03) and the teacher's evaluation.
 */
public record AssignmentEntry(Long id, Long caseId, String title, LocalDate assignedOn, LocalDate dueOn,
                              Integer timeValueMinutes, LocalDate completedOn, Integer creditedMinutes,
                              String evaluation) {
}
