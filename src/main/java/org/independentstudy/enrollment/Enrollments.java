package org.independentstudy.enrollment;

import java.util.List;
import org.independentstudy.records.CaseNotFoundException;
import org.springframework.stereotype.Component;

/** Finds a case's enrollment and the student's earlier ones (ENR-06 cumulative days, ENR-08 disenrollments). */
@Component
public class Enrollments {

    private final EnrollmentRepository repository;

    Enrollments(EnrollmentRepository repository) {
        this.repository = repository;
    }

    /** The one way to a case's enrollment: every case has one from its registration on. */
    public Enrollment of(Long caseId) {
        return repository.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    List<Enrollment> earlierOfStudent(Enrollment current) {
        return repository.findByStudentId(current.getStudentId()).stream()
                .filter(other -> !other.getCaseId().equals(current.getCaseId()))
                .toList();
    }
}
