package org.independentstudy.support;

import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.springframework.stereotype.Component;

/**
 * The demo district's students by their needs (see DemoDistrict): S100001 none; S100004, S100013 an IEP;
 * S100006 a 504 plan; S100021 home/hospital; S200001 turns 18 on 2027-01-15. A test bean of the shared context.
 */
@Component
public class DemoStudents {

    private final StudentRepository students;
    private final GuardianRepository guardians;

    DemoStudents(StudentRepository students, GuardianRepository guardians) {
        this.students = students;
        this.guardians = guardians;
    }

    public Student student(String number) {
        return students.findByStudentNumber(number).orElseThrow();
    }

    public Guardian parentOf(String number) {
        return guardians.findByStudentIdOrderById(student(number).getId()).get(0);
    }

    /** A valid request by the student's first parent or guardian. */
    public RequestBuilder requestFor(String number) {
        return RequestBuilder.forStudent(number, parentOf(number).getId());
    }
}
