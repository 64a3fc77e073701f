package org.independentstudy.cases;

import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentLookup;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Component;

/** A student's one open case (ENR-06), found by id or student number, as Tasklist's start forms name it. */
@Component
class OpenCases {

    private final StudentLookup students;
    private final CaseRecord caseRecord;

    OpenCases(StudentLookup students, CaseRecord caseRecord) {
        this.students = students;
        this.caseRecord = caseRecord;
    }

    /** The open case of the student; a 400 naming {@code student} when unknown, a 409 when it has none. */
    Long ofStudent(String student, String whatFor) {
        Student found = students.byIdOrNumber(student).orElseThrow(() -> InvalidRequestException.field("student",
                student == null || student.isBlank() ? "is required"
                        : "no student with id or student number '" + student + "'"));
        return caseRecord.casesOfStudent(found.getId()).stream().filter(c -> !c.isClosed())
                .map(IndependentStudyCase::getId).findFirst().orElseThrow(() -> new ConflictException(
                        "Student " + found.getStudentNumber() + " has no open case " + whatFor));
    }
}
