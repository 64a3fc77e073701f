package org.independentstudy.transition;

import java.time.LocalDate;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.enrollment.Placement;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TRN-01, TRN-03: the student goes back to in-person instruction, asked for by the family or decided by an
 * evaluation: the deadline, the school site placement, and the placement's last independent-study day (the day
 * before the first day in class: no day counts after it).
 */
@Service
public class ReturnsToClassroom {

    private final SchoolCalendar calendar;
    private final EnrolledPlacements placements;
    private final CaseRecord caseRecord;

    ReturnsToClassroom(SchoolCalendar calendar, EnrolledPlacements placements, CaseRecord caseRecord) {
        this.calendar = calendar;
        this.placements = placements;
        this.caseRecord = caseRecord;
    }

    /** The request is on record with its deadline. */
    @Transactional
    public ReturnDeadline plan(Long caseId, LocalDate requestedOn, String requestedBy) {
        Placement placement = placements.placementOf(caseId);
        ReturnDeadline deadline = ReturnDeadline.of(calendar, requestedOn, placement.longTerm(),
                placement.medicalExemption());
        caseRecord.append(caseId, CaseEvent.underRule("TRN-01", "returnToClassroomRequested", "Return to in-person "
                + "instruction asked for on " + requestedOn + " (" + requestedBy + "): " + deadline.describe()));
        return deadline;
    }

    /**
     * The school site placed the student: the first day in class is a school day on or after the request; the
     * placement's last independent-study day is the last school day before it, within the placement.
     */
    @Transactional
    public LocalDate placedInClass(Long caseId, LocalDate requestedOn, LocalDate firstDayInClass, String schedule,
                                   String teacher, LocalDate deadline) {
        if (firstDayInClass == null || firstDayInClass.isBefore(requestedOn) || !isSchoolDay(firstDayInClass)) {
            throw InvalidRequestException.rule("TRN-01", "firstDayInClass", "a school day on or after the request "
                    + "of " + requestedOn);
        }
        if (schedule == null || teacher == null) {
            throw InvalidRequestException.rule("TRN-01", schedule == null ? "classSchedule" : "classroomTeacher",
                    "the school site placement names the class schedule and the teacher");
        }
        boolean late = deadline != null && firstDayInClass.isAfter(deadline);
        caseRecord.append(caseId, CaseEvent.underRule("TRN-01", "placedInClassroom", "Placed in in-person "
                + "instruction from " + firstDayInClass + " with " + teacher + " (" + schedule + ")"
                + (deadline == null ? "" : late ? "; AFTER the deadline of " + deadline : "; within the deadline of "
                + deadline)));
        Placement placement = placements.placementOf(caseId);
        LocalDate lastDay = firstDayInClass.minusDays(1);
        while (lastDay.isAfter(placement.startDate()) && !isSchoolDay(lastDay)) {
            lastDay = lastDay.minusDays(1);
        }
        return lastDay.isAfter(placement.projectedEndDate()) ? placement.projectedEndDate() : lastDay;
    }

    /** A step of the return (records handed over, agreement closed, a principal's action), with who and what. */
    @Transactional
    public void recordStep(Long caseId, String step, String by, String note) {
        if (note == null) {
            throw InvalidRequestException.rule("TRN-01", "returnStepNote", "say what was done");
        }
        caseRecord.append(caseId, CaseEvent.underRule("TRN-01", "returnStepDone", step + ", by " + by + ": " + note));
    }

    private boolean isSchoolDay(LocalDate day) {
        try {
            return calendar.isSchoolDay(day);
        } catch (SchoolCalendarException e) {
            return false;
        }
    }
}
