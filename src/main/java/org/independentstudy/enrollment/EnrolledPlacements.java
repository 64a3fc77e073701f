package org.independentstudy.enrollment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the later phases (agreement, progress, re-engagement, transition) read of a case's enrollment. */
@Service
@Transactional(readOnly = true)
public class EnrolledPlacements {

    private final Enrollments enrollments;

    EnrolledPlacements(Enrollments enrollments) {
        this.enrollments = enrollments;
    }

    /** The decided placement; the program and length fields are set once the case passed ENR-06. */
    public Placement placementOf(Long caseId) {
        Enrollment e = enrollments.of(caseId);
        return new Placement(e.getCaseId(), e.getStudentId(), e.getProgram(), Boolean.TRUE.equals(e.getLongTerm()),
                e.getRequestedStart(), e.getProjectedEnd(), valueOf(e.getProjectedSchoolDays()),
                valueOf(e.getCumulativeSchoolDaysBefore()), e.getPolicyCode(),
                Boolean.TRUE.equals(e.getMedicalExemption()), e.getSection504PlanReference(),
                e.getSuspensionReferral() != FamilyRequest.SuspensionReferral.NONE,
                e.isClassroomAlternativeOffered());
    }

    /** ENR-10: what the family said the student lacks; the agreement lists it as provided (AGR-03 (3)). */
    public ResourceNeeds resourceNeedsOf(Long caseId) {
        return enrollments.of(caseId).resourceNeeds();
    }

    private static int valueOf(Integer count) {
        return count == null ? 0 : count;
    }
}
