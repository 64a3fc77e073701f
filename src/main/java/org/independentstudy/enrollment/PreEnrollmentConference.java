package org.independentstudy.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.independentstudy.enrollment.ConferenceRequest.Outcome;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.policy.DistrictPolicies;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ENR-02: the student-parent-educator conference the parent may ask for at any point before signing: at intake or
 * later, one pending at a time; scheduled, then held or withdrawn by the parent. While one is pending the
 * agreement is not sent for signature ({@link #pendingFor}).
 *
 * <p>Requests, outcomes and {@link #pendingFor} run under the student's row lock, so that a conference settled
 * while the agreement is about to be sent is seen by one of the two: the agreement either is sent or waits for a
 * message the settling sends after it.
 */
@Service
@Transactional
public class PreEnrollmentConference {

    /** Before the family signs: the case has not gone past the agreement phase. */
    private static final Set<CasePhase> BEFORE_SIGNING = EnumSet.of(CasePhase.PRE_ENROLLMENT,
            CasePhase.READY_FOR_AGREEMENT, CasePhase.AGREEMENT);

    /** A later request as the counselor received it from the parent. */
    public record Request(ConferenceModality modality, boolean advocateRequested) {
    }

    /** What the counselor scheduled. */
    public record Schedule(ConferenceModality modality, LocalDate date, String attendees, String advocate) {
    }

    /**
     * What the conference covered: the educational options, curriculum offerings and nonacademic supports; and the
     * advocate who attended, when the parent or student asked for one.
     */
    public record Held(LocalDate heldOn, boolean optionsCovered, boolean curriculumCovered,
                       boolean supportsCovered, String questionsAsked, boolean advocateAttended, String advocate) {
    }

    private final CaseRecord caseRecord;
    private final ConferenceRequestRepository requests;
    private final StudentRepository students;
    private final DistrictPolicies policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PreEnrollmentConference(CaseRecord caseRecord, ConferenceRequestRepository requests, StudentRepository students,
                            DistrictPolicies policies, ApplicationEventPublisher events, Clock clock) {
        this.caseRecord = caseRecord;
        this.requests = requests;
        this.students = students;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    /** The family asked for the conference with its request; registration holds the student's lock already. */
    void requestedAtIntake(Long caseId, FamilyRequest request) {
        open(new ConferenceRequest(caseId, request.receivedOn(), true, request.conferenceModality(),
                request.advocateRequested()));
    }

    // ENR-02: the parent may ask at any point before signing; the family's signature is the agreement's to check
    public void requestedLater(Long caseId, Request request) {
        IndependentStudyCase isCase = lockStudentOf(caseId);
        if (!BEFORE_SIGNING.contains(isCase.getPhase())) {
            throw new ConflictException("ENR-02: case " + caseId + " is " + isCase.getPhase()
                    + "; a pre-enrollment conference is asked for before the agreement is signed");
        }
        requests.findByCaseIdAndOutcomeIsNull(caseId).ifPresent(pending -> {
            throw new ConflictException("ENR-02: the conference the parent asked for on " + pending.getRequestedOn()
                    + " is still pending for case " + caseId);
        });
        ConferenceRequest opened = open(new ConferenceRequest(caseId, LocalDate.now(clock), false,
                request.modality(), request.advocateRequested()));
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "preEnrollmentConferenceRequested",
                "The parent asked for a pre-enrollment conference" + (request.modality() == null ? ""
                        : " by " + TimelineWording.of(request.modality()))
                        + (request.advocateRequested() ? ", with an advocate" : "") + " on " + opened.getRequestedOn()
                        + "; the agreement is not sent for signature until it is held or withdrawn"));
    }

    private ConferenceRequest open(ConferenceRequest request) {
        ConferenceRequest saved = requests.save(request);
        events.publishEvent(new PreEnrollmentConferenceRequested(saved.getCaseId(), saved.getRequestedOn(),
                saved.isAdvocateRequested(),
                policies.inForceOn(saved.getRequestedOn()).getConferenceSchedulingSchoolDays()));
        return saved;
    }

    public void scheduled(Long caseId, Schedule schedule) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (schedule.modality() == null) {
            problems.put("conferenceModality", "required: telephone, videoconference or in person");
        }
        if (schedule.date() == null) {
            problems.put("conferenceDate", "required: the day of the conference");
        }
        if (blank(schedule.attendees())) {
            problems.put("conferenceAttendees", "required: who takes part");
        }
        // ENR-02: an advocate attends when the parent or student asks; the server holds that, not only the form
        if (pending(caseId).isAdvocateRequested() && blank(schedule.advocate())) {
            problems.put("conferenceAdvocate", "the family asked for an advocate: name the advocate who attends");
        }
        refuseWith(problems);
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "preEnrollmentConferenceScheduled",
                "Conference by " + TimelineWording.of(schedule.modality()) + " on " + schedule.date() + " with "
                        + schedule.attendees() + TimelineWording.optional("; advocate: ", schedule.advocate())));
    }

    // ENR-02: the conference covers the options, curriculum offerings and nonacademic supports, with the advocate asked for
    public void held(Long caseId, Held held) {
        ConferenceRequest pending = pendingUnderLock(caseId);
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        if (held.heldOn() == null) {
            problems.put("conferenceHeldOn", "required: the day the conference was held");
        } else if (held.heldOn().isAfter(today)) {
            problems.put("conferenceHeldOn", held.heldOn() + " is in the future (today is " + today
                    + "): a conference is recorded once it was held");
        }
        List<String> missing = new ArrayList<>();
        if (!held.optionsCovered()) {
            missing.add("educational options");
        }
        if (!held.curriculumCovered()) {
            missing.add("curriculum offerings");
        }
        if (!held.supportsCovered()) {
            missing.add("nonacademic supports");
        }
        if (!missing.isEmpty()) {
            problems.put("topics", "the conference must cover " + String.join(", ", missing));
        }
        if (pending.isAdvocateRequested() && !held.advocateAttended()) {
            problems.put("advocateAttended", "the family asked for an advocate: the conference is held with them");
        }
        if (pending.isAdvocateRequested() && blank(held.advocate())) {
            problems.put("conferenceAdvocate", "name the advocate who attended");
        }
        refuseWith(problems);
        pending.settle(Outcome.HELD, held.heldOn());
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "preEnrollmentConferenceHeld", "Conference held on " + held.heldOn()
                + "; covered the educational options, curriculum offerings and nonacademic supports"
                + (pending.isAdvocateRequested() ? "; advocate " + held.advocate().strip() + " attended" : "")
                + TimelineWording.optional(". Questions asked: ", held.questionsAsked())));
    }

    /** ENR-02: the parent withdrew the conference request; the case goes on to the written agreement. */
    public void withdrawn(Long caseId, String note) {
        pendingUnderLock(caseId).settle(Outcome.WITHDRAWN, LocalDate.now(clock));
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "conferenceRequestWithdrawn",
                "The parent withdrew the request for a pre-enrollment conference" + TimelineWording.optional(": ", note)
                        + "; the case goes on to the written agreement"));
    }

    /** ENR-02: whether a conference the parent asked for is neither held nor withdrawn: the agreement waits. */
    public boolean pendingFor(Long caseId) {
        lockStudentOf(caseId);
        return requests.findByCaseIdAndOutcomeIsNull(caseId).isPresent();
    }

    /** The counselor's lead is asked to follow up: the conference was not scheduled in time. */
    public void schedulingOverdue(Long caseId, int schoolDays) {
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "conferenceSchedulingOverdue",
                "The requested conference was not scheduled within " + schoolDays
                        + " school days of the request; escalated to the principals"));
    }

    /** What the counselor's lead did about the overdue scheduling. */
    public void followedUp(Long caseId, String note) {
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "conferenceSchedulingFollowedUp",
                "Overdue conference scheduling followed up" + TimelineWording.optional(": ", note)));
    }

    private ConferenceRequest pendingUnderLock(Long caseId) {
        lockStudentOf(caseId);
        return pending(caseId);
    }

    private ConferenceRequest pending(Long caseId) {
        return requests.findByCaseIdAndOutcomeIsNull(caseId).orElseThrow(() -> new ConflictException(
                "ENR-02: case " + caseId + " has no pending pre-enrollment conference"));
    }

    private IndependentStudyCase lockStudentOf(Long caseId) {
        IndependentStudyCase isCase = caseRecord.get(caseId);
        students.lockById(isCase.getStudentId());
        return isCase;
    }

    /** ENR-02: every problem at once, each named by its field, in the message Tasklist shows as well. */
    private static void refuseWith(Map<String, String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("ENR-02: " + problems.entrySet().stream()
                    .map(p -> p.getKey() + ": " + p.getValue()).collect(Collectors.joining("; ")), problems, "ENR-02");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
