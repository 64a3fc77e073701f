package org.independentstudy.enrollment;

import java.time.LocalDate;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.policy.DistrictPolicies;
import org.independentstudy.policy.DistrictPolicy;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The placement from its type decision to the closed case: the phase moves of the case process. */
@Service
@Transactional
public class PlacementLifecycle {

    private final Enrollments enrollments;
    private final SchoolCalendar calendar;
    private final DistrictPolicies policies;
    private final CaseRecord caseRecord;
    private final ApplicationEventPublisher events;

    PlacementLifecycle(Enrollments enrollments, SchoolCalendar calendar, DistrictPolicies policies,
                       CaseRecord caseRecord, ApplicationEventPublisher events) {
        this.enrollments = enrollments;
        this.calendar = calendar;
        this.policies = policies;
        this.caseRecord = caseRecord;
        this.events = events;
    }

    // ENR-06: decided under the policy in force on the start date, counting this school year's earlier placements
    public PlacementType decideType(Long caseId) {
        Enrollment enrollment = enrollments.of(caseId);
        LocalDate start = enrollment.getRequestedStart();
        DistrictPolicy policy = policies.inForceOn(start);
        int cumulative = PlacementTypeRule.cumulativeSchoolDaysBefore(calendar, start,
                enrollments.earlierOfStudent(enrollment));
        PlacementType type = PlacementTypeRule.decide(policy, calendar, enrollment.getPreferredPlacement(), start,
                enrollment.getProjectedEnd(), cumulative);
        enrollment.decidePlacementType(type);
        caseRecord.append(caseId, CaseEvent.underRule("ENR-06", "placementTypeDecided", "Placement "
                + type.describe()).withPolicy(policy.getCode()));
        return type;
    }

    public void refuse(Long caseId, Refusal refusal) {
        caseRecord.close(caseId, CasePhase.REFUSED,
                CaseEvent.underRule(refusal.ruleId(), "caseRefused", refusal.reason()));
    }

    /** A pre-enrollment conference still pending does not hold up drafting, only the signing (ENR-02). */
    public void readyForAgreement(Long caseId) {
        caseRecord.moveTo(caseId, CasePhase.READY_FOR_AGREEMENT, CaseEvent.of("readyForAgreement",
                "Eligibility decided; the written agreement may be drafted"));
    }

    /**
     * Records the placement's first countable day. The case itself was moved to ACTIVE, with that day, by the
     * agreement phase when the last required signature came in (AGR-09): one activation, one timeline entry.
     */
    public void activate(Long caseId, LocalDate firstCountableDay) {
        enrollments.of(caseId).activate(firstCountableDay);
    }

    /**
     * AGR-07: the principal ended a placement whose agreement was not signed in time: the student returns to
     * in-person instruction and the case closes; no day of it counted, as it never became active (AGR-09).
     */
    public void returnToClassroom(Long caseId, LocalDate on) {
        enrollments.of(caseId).end(on, Enrollment.EndReason.RETURNED_TO_IN_PERSON);
        caseRecord.close(caseId, CasePhase.CLOSED, CaseEvent.underRule("AGR-07", "caseClosed", "Placement ended on "
                + on + " without a signed written agreement: the student returns to in-person (classroom) "
                + "instruction; no independent-study day of this placement counts"));
    }

    /** The placement ended (its last day, and why); a course-based disenrollment locks the semester (ENR-08). */
    public void end(Long caseId, LocalDate lastDay, Enrollment.EndReason reason) {
        enrollments.of(caseId).end(lastDay, reason);
        caseRecord.close(caseId, CasePhase.CLOSED, CaseEvent.of("caseClosed",
                "Placement ended on " + lastDay + " (" + TimelineWording.of(reason) + ")"));
        events.publishEvent(new PlacementClosed(caseId, lastDay));
    }

    /**
     * TRN-02, ENR-02: the family withdrew its request or disenrolled before the placement became active: the case
     * closes with the reason on record; no day of it counted (AGR-09).
     */
    public void leaveBeforeActive(Long caseId, LocalDate on, Enrollment.EndReason reason, String note) {
        enrollments.of(caseId).end(on, reason);
        caseRecord.close(caseId, CasePhase.CLOSED, CaseEvent.underRule("TRN-02", "caseClosed", (reason
                == Enrollment.EndReason.WITHDRAWN ? "The family withdrew its request" : "The parent disenrolled the "
                + "student") + " on " + on + ", before independent study began: " + note + ". Open tasks, signing "
                + "links and deadlines of the case end with it; no day of it counts"));
    }
}
