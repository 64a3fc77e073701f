package org.independentstudy.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.springframework.stereotype.Component;

/**
 * The demo district's students by their needs (see DemoDistrict): S100001 none; S100004, S100013 an IEP;
 * S100006 a 504 plan; S100021 home/hospital; S200001 turns 18 on 2027-01-15. A test bean of the shared context.
 *
 * <p>A student has one open case at a time and no two placements on the same days, and every test class shares
 * one database: a test that registers a request does so for a {@link #newStudentLike new student}.
 */
@Component
public class DemoStudents {

    private final StudentRepository students;
    private final GuardianRepository guardians;
    private final AtomicInteger copies = new AtomicInteger();

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

    /** A new student like the demo student: same person, needs, school and guardians, under a number of its own. */
    public Student newStudentLike(String number) {
        Student demo = student(number);
        Student copy = students.save(new Student(number + "-" + copies.incrementAndGet(), demo.getFirstName(),
                demo.getLastName(), demo.getBirthDate(), demo.getGrade(), demo.getAddress(), demo.getSchoolId())
                .withNeeds(demo.hasIep(), demo.hasSection504Plan(), demo.isEnglishLearner(), demo.isFosterYouth(),
                        demo.isHomeless(), demo.receivesHomeHospitalInstruction()));
        for (Guardian guardian : guardians.findByStudentIdOrderById(demo.getId())) {
            guardians.save(new Guardian(copy.getId(), guardian.getFullName(), guardian.getRelationship(),
                    guardian.getEmail(), guardian.getPhone(), guardian.getAddress()));
        }
        return copy;
    }

    /** A valid request for the demo student by their first parent or guardian (nothing registered). */
    public RequestBuilder requestFor(String number) {
        return requestFor(student(number));
    }

    /** A valid request for the student by their first parent or guardian. */
    public RequestBuilder requestFor(Student student) {
        return RequestBuilder.forStudent(student.getStudentNumber(),
                guardians.findByStudentIdOrderById(student.getId()).get(0).getId());
    }

    /** A valid request for a {@link #newStudentLike new student like the demo student}, by their first parent. */
    public RequestBuilder requestForNewStudentLike(String number) {
        return requestFor(newStudentLike(number));
    }
}
