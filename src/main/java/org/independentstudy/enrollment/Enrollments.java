package org.independentstudy.enrollment;

import java.util.List;
import org.springframework.stereotype.Component;

/** Finds a case's enrollment and the student's earlier ones (ENR-06 cumulative days, ENR-08 disenrollments). */
@Component
class Enrollments {

    private final EnrollmentRepository repository;

    Enrollments(EnrollmentRepository repository) {
        this.repository = repository;
    }

    Enrollment of(Long caseId) {
        return repository.findById(caseId)
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no family request"));
    }

    List<Enrollment> earlierOfStudent(Enrollment current) {
        return repository.findByStudentId(current.getStudentId()).stream()
                .filter(other -> !other.getCaseId().equals(current.getCaseId()))
                .toList();
    }
}
