package org.independentstudy.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.people.Guardian;
import org.independentstudy.people.GuardianRepository;
import org.independentstudy.people.Student;
import org.independentstudy.people.StudentLookup;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Component;

/**
 * Checks a family's request before anything is written, the same way for the REST API and the Tasklist start
 * form; every problem is named by its field (and rule) in one {@link InvalidRequestException}, and a request
 * the student's other cases refuse is a {@link ConflictException} naming the case.
 */
@Component
class FamilyRequestCheck {

    /**
     * A request that passed: the student found, the requester named, and the request with its start on a school
     * day; {@code askedStart} is the start as the family asked for it.
     */
    record CheckedRequest(Student student, String requesterName, FamilyRequest request, LocalDate askedStart) {

        boolean startMoved() {
            return !askedStart.equals(request.requestedStart());
        }
    }

    /** The problems found so far, by field, and the first rule that refused. */
    private static final class Problems {
        final Map<String, String> byField = new LinkedHashMap<>();
        String ruleId;

        void add(String field, String problem) {
            byField.putIfAbsent(field, problem);
        }

        void add(String rule, String field, String problem) {
            ruleId = ruleId != null ? ruleId : rule;
            add(field, rule + ": " + problem);
        }

        void require(String field, Object value) {
            if (value == null || value instanceof String text && text.isBlank()) {
                add(field, "is required");
            }
        }
    }

    private final StudentLookup students;
    private final StudentRepository studentRows;
    private final GuardianRepository guardians;
    private final CaseRecord caseRecord;
    private final EnrollmentRepository enrollments;
    private final SchoolCalendar calendar;
    private final Clock clock;

    FamilyRequestCheck(StudentLookup students, StudentRepository studentRows, GuardianRepository guardians,
                       CaseRecord caseRecord, EnrollmentRepository enrollments, SchoolCalendar calendar,
                       Clock clock) {
        this.students = students;
        this.studentRows = studentRows;
        this.guardians = guardians;
        this.caseRecord = caseRecord;
        this.enrollments = enrollments;
        this.calendar = calendar;
        this.clock = clock;
    }

    CheckedRequest check(FamilyRequest request) {
        Problems errors = new Problems();
        LocalDate today = LocalDate.now(clock);
        LocalDate receivedOn = request.receivedOn() != null ? request.receivedOn() : today;
        if (receivedOn.isAfter(today)) {
            errors.add("receivedOn", "the request date " + receivedOn + " is in the future");
        }
        // CAL-03: the case's school-day deadlines count from the request date, a summer one from the next first day
        onCalendar(errors, "receivedOn", () -> calendar.firstSchoolDayOnOrAfter(receivedOn));
        errors.require("receivedVia", request.receivedVia());
        errors.require("reason", request.reason());
        errors.require("preferredPlacement", request.preferredPlacement());
        LocalDate start = checkDates(errors, request, receivedOn);
        Optional<Student> student = students.byIdOrNumber(request.student());
        String requesterName = null;
        if (student.isEmpty()) {
            errors.add("student", request.student() == null || request.student().isBlank() ? "is required"
                    : "no student with id or student number '" + request.student() + "'");
        } else {
            requesterName = requesterName(student.get(), request, receivedOn, errors);
            // ENR-04: the plan the student participates in accordance with is referenced on the case
            if (student.get().hasSection504Plan() && blank(request.section504PlanReference())) {
                errors.add("ENR-04", "section504PlanReference", "the student has a Section 504 plan; give its reference");
            }
        }
        if (!errors.byField.isEmpty()) {
            // the message is what Tasklist shows when its start form is refused
            throw new InvalidRequestException("The family's request is not valid: " + errors.byField.entrySet()
                    .stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")),
                    errors.byField, errors.ruleId);
        }
        return new CheckedRequest(student.get(), requesterName, normalized(request, receivedOn, start),
                request.requestedStart());
    }

    /**
     * One open case per student, and no placement on days another placement of the student ran: a client's retry
     * or two counselors taking the same call would otherwise open the same placement twice, and ENR-06 would
     * count its days twice. A later placement waits for the open case to close, and its agreement is then a
     * supplement to the school year's master agreement (AGR-12). Must run in the transaction that opens the
     * case: it locks the student's row, so a second request at the same moment waits and sees the first case.
     */
    void refuseSecondPlacement(CheckedRequest checked) {
        Student student = studentRows.lockById(checked.student().getId()).orElseThrow();
        FamilyRequest request = checked.request();
        for (IndependentStudyCase other : caseRecord.casesOfStudent(student.getId())) {
            if (!other.isClosed()) {
                throw new ConflictException("Student " + student.getStudentNumber() + " already has open case "
                        + other.getId() + " (" + other.getPhase() + "); a later placement is requested once it is "
                        + "closed", other.getId());
            }
        }
        for (Enrollment earlier : enrollments.findByStudentId(student.getId())) {
            if (earlier.overlaps(request.requestedStart(), request.projectedEnd())) {
                throw new ConflictException("The requested days " + request.requestedStart() + " to "
                        + request.projectedEnd() + " overlap the placement of case " + earlier.getCaseId()
                        + " (from " + earlier.getActivatedOn() + " to " + earlier.lastDay() + ")",
                        earlier.getCaseId());
            }
        }
    }

    /** Checks the dates; returns the start on a school day (AGR-01: the next one after a weekend or holiday). */
    private LocalDate checkDates(Problems errors, FamilyRequest request, LocalDate receivedOn) {
        errors.require("requestedStart", request.requestedStart());
        errors.require("projectedEnd", request.projectedEnd());
        if (request.requestedStart() == null || request.projectedEnd() == null) {
            return null;
        }
        if (request.projectedEnd().isBefore(request.requestedStart())) {
            errors.add("projectedEnd", "the projected end " + request.projectedEnd() + " is before the start "
                    + request.requestedStart());
        }
        // the family chooses independent study before it begins: a placement cannot be requested for the past
        if (request.requestedStart().isBefore(receivedOn)) {
            errors.add("requestedStart", "the requested start " + request.requestedStart()
                    + " is before the request date " + receivedOn);
        }
        // the placement's own days lie within a school year
        boolean startCovered = onCalendar(errors, "requestedStart",
                () -> calendar.schoolYearOf(request.requestedStart()));
        onCalendar(errors, "projectedEnd", () -> calendar.schoolYearOf(request.projectedEnd()));
        if (!startCovered) {
            return null;
        }
        LocalDate start = calendar.firstSchoolDayOnOrAfter(request.requestedStart());
        if (start.isAfter(request.projectedEnd())) {
            errors.add("AGR-01", "requestedStart", "no school day from the requested start " + request.requestedStart()
                    + " to the projected end " + request.projectedEnd());
        }
        return start;
    }

    /** CAL-03: a date no district calendar covers is an error naming the missing school year, never a guess. */
    private static boolean onCalendar(Problems errors, String field, Runnable question) {
        try {
            question.run();
            return true;
        } catch (SchoolCalendarException e) {
            errors.add("CAL-03", field, e.getMessage());
            return false;
        }
    }

    // ENR-01: only the family asks: a parent, guardian or caregiver of this student, or the student at 18 or older
    private String requesterName(Student student, FamilyRequest request, LocalDate receivedOn,
                                 Problems errors) {
        if (request.requestedByStudent() && request.requesterGuardianId() != null) {
            errors.add("ENR-01", "requester", "either the student or a guardian asks, not both");
            return null;
        }
        if (request.requestedByStudent()) {
            if (!student.isAdultOn(receivedOn)) {
                errors.add("ENR-01", "requester", "the student is " + student.ageOn(receivedOn) + " on " + receivedOn
                        + "; a minor's request must come from a parent, guardian or caregiver");
                return null;
            }
            return student.fullName() + " (the student)";
        }
        if (request.requesterGuardianId() == null) {
            errors.add("ENR-01", "requester", "a request starts only from the family: name the parent, guardian or "
                    + "caregiver asking (requesterGuardianId), or the student when 18 or older (requestedByStudent)");
            return null;
        }
        Optional<Guardian> guardian = guardians.findById(request.requesterGuardianId())
                .filter(g -> g.getStudentId().equals(student.getId()));
        if (guardian.isEmpty()) {
            errors.add("ENR-01", "requester", "guardian " + request.requesterGuardianId()
                    + " is not a parent, guardian or caregiver of student " + student.getStudentNumber());
            return null;
        }
        return guardian.get().getFullName() + " (" + guardian.get().getRelationship().name().toLowerCase() + ")";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static FamilyRequest normalized(FamilyRequest r, LocalDate receivedOn, LocalDate start) {
        return new FamilyRequest(r.student(), r.requesterGuardianId(), r.requestedByStudent(), r.receivedVia(),
                receivedOn, r.reason(), start, r.projectedEnd(), r.preferredPlacement(),
                r.conferenceRequested(), r.conferenceModality(), r.advocateRequested(), r.resourceNeeds(),
                r.section504PlanReference(), r.suspensionReferral(), r.classroomAlternativeOffered(),
                r.medicalTreatment(), r.medicalEvidence());
    }
}
