package org.independentstudy.records;

import java.util.Optional;
import org.independentstudy.people.StudentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How a case is named where staff pick it from a list: the student and their number. */
@Service
public class CaseDisplayNames {

    private final CaseRepository cases;
    private final StudentRepository students;

    CaseDisplayNames(CaseRepository cases, StudentRepository students) {
        this.cases = cases;
        this.students = students;
    }

    @Transactional(readOnly = true)
    public Optional<String> displayNameOf(Long caseId) {
        return cases.findById(caseId).flatMap(c -> students.findById(c.getStudentId()))
                .map(s -> s.fullName() + " (" + s.getStudentNumber() + ")");
    }
}
