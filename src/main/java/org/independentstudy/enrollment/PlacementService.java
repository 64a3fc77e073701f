package org.independentstudy.enrollment;

import org.independentstudy.records.CaseNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the later phases (agreement, progress, re-engagement, transition) read of a case's enrollment. */
@Service
@Transactional(readOnly = true)
public class PlacementService {

    private final EnrollmentRepository enrollments;

    PlacementService(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    /** The decided placement; the program and length fields are set once the case passed ENR-06. */
    public Placement placementOf(Long caseId) {
        Enrollment e = enrollment(caseId);
        return new Placement(e.getCaseId(), e.getStudentId(), e.getProgram(), Boolean.TRUE.equals(e.getLongTerm()),
                e.getRequestedStart(), e.getProjectedEnd(), valueOf(e.getProjectedSchoolDays()),
                valueOf(e.getCumulativeSchoolDaysBefore()), e.getPolicyCode(),
                Boolean.TRUE.equals(e.getMedicalExemption()), e.getSection504PlanReference(),
                e.getSuspensionReferral() != FamilyRequest.SuspensionReferral.NONE,
                e.isClassroomAlternativeOffered());
    }

    /** ENR-10: what the family said the student lacks; the agreement lists it as provided (AGR-03 (3)). */
    public ResourceNeeds resourceNeedsOf(Long caseId) {
        return enrollment(caseId).resourceNeeds();
    }

    private Enrollment enrollment(Long caseId) {
        return enrollments.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    private static int valueOf(Integer count) {
        return count == null ? 0 : count;
    }
}
