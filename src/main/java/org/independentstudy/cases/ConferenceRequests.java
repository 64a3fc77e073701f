package org.independentstudy.cases;

import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentLookup;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ENR-02: the parent asks for a pre-enrollment conference after intake, as a counselor records it through the case
 * API or Tasklist. Recorded on the case, whose process then schedules it; signing of an agreement out for
 * signature is put on hold until it is held or withdrawn; refused once the family has signed. All or nothing.
 */
@Service
public class ConferenceRequests {

    private final PreEnrollmentConference conference;
    private final AgreementDrafting agreements;
    private final StudentLookup students;
    private final CaseRecord caseRecord;

    ConferenceRequests(PreEnrollmentConference conference, AgreementDrafting agreements, StudentLookup students,
                       CaseRecord caseRecord) {
        this.conference = conference;
        this.agreements = agreements;
        this.students = students;
        this.caseRecord = caseRecord;
    }

    @Transactional
    public void request(Long caseId, PreEnrollmentConference.Request request) {
        conference.requestedLater(caseId, request);
        agreements.holdForConference(caseId);
    }

    /** The counselor names the student (Tasklist); the request goes to the student's one open case. */
    @Transactional
    public Long requestForStudent(String student, PreEnrollmentConference.Request request) {
        Student found = students.byIdOrNumber(student).orElseThrow(() -> InvalidRequestException.field("student",
                student == null || student.isBlank() ? "is required"
                        : "no student with id or student number '" + student + "'"));
        Long caseId = caseRecord.casesOfStudent(found.getId()).stream().filter(c -> !c.isClosed())
                .map(IndependentStudyCase::getId).findFirst().orElseThrow(() -> new ConflictException(
                        "ENR-02: student " + found.getStudentNumber() + " has no open case to ask a conference for"));
        request(caseId, request);
        return caseId;
    }
}
