package org.independentstudy.enrollment;

import org.independentstudy.people.Student;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.CurrentActor;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ENR-01: a case starts only from the family's request, recorded as their choice with who, when and how. */
@Service
public class FamilyRequests {

    private final FamilyRequestCheck check;
    private final CaseRecord caseRecord;
    private final EnrollmentRepository repository;
    private final Enrollments enrollments;
    private final StudentRepository students;
    private final PreEnrollmentConference conference;
    private final CurrentActor actor;

    FamilyRequests(FamilyRequestCheck check, CaseRecord caseRecord, EnrollmentRepository repository,
                   Enrollments enrollments, StudentRepository students, PreEnrollmentConference conference,
                   CurrentActor actor) {
        this.check = check;
        this.caseRecord = caseRecord;
        this.repository = repository;
        this.enrollments = enrollments;
        this.students = students;
        this.conference = conference;
        this.actor = actor;
    }

    /** Checks the request (nothing is written when it is refused), opens the case and records the request. */
    @Transactional
    public RegisteredRequest register(FamilyRequest request) {
        FamilyRequestCheck.CheckedRequest checked = check.check(request);
        check.refuseSecondPlacement(checked);
        Student student = checked.student();
        FamilyRequest r = checked.request();
        String receivedBy = actor.username();
        IndependentStudyCase opened = caseRecord.open(student.getId(), student.getSchoolId(), CaseEvent.underRule(
                "ENR-01", "familyRequestReceived", "The family chose independent study: request from "
                        + checked.requesterName() + ", received " + TimelineWording.of(r.receivedVia())
                        + " on " + r.receivedOn() + " by " + receivedBy + "; start " + checked.askedStart()
                        + ", projected end " + r.projectedEnd() + ", preferred " + TimelineWording.of(r.preferredPlacement())
                        + conference(r) + ". Reason: " + r.reason()));
        if (checked.startMoved()) {
            // AGR-01, CAL-02: independent study days are school days; the agreement starts on the placement's start
            caseRecord.append(opened.getId(), CaseEvent.underRule("AGR-01", "requestedStartMoved", "The requested "
                    + "start " + checked.askedStart() + " is not a school day; the placement starts on the next "
                    + "school day, " + r.requestedStart()));
        }
        repository.save(new Enrollment(opened.getId(), student.getId(), checked.requesterName(), receivedBy, r));
        if (r.conferenceRequested()) {
            conference.requestedAtIntake(opened.getId(), r);
        }
        return registered(opened.getId());
    }

    @Transactional(readOnly = true)
    public RegisteredRequest registered(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        Student student = students.findById(enrollment.getStudentId()).orElseThrow();
        return new RegisteredRequest(caseId, student.hasIep());
    }

    private static String conference(FamilyRequest r) {
        if (!r.conferenceRequested()) {
            return "; no conference requested";
        }
        return "; conference requested" + (r.conferenceModality() == null ? ""
                : " (" + TimelineWording.of(r.conferenceModality()) + ")")
                + (r.advocateRequested() ? " with an advocate" : "");
    }
}
