package org.independentstudy.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ENR-02: the student-parent-educator conference the family asked for, scheduled and then held. */
@Service
@Transactional
public class PreEnrollmentConference {

    static final String HELD = "preEnrollmentConferenceHeld";

    /** What the counselor scheduled. */
    public record Schedule(ConferenceModality modality, LocalDate date, String attendees, String advocate) {
    }

    /** What the conference covered: the educational options, curriculum offerings and nonacademic supports. */
    public record Held(LocalDate heldOn, boolean optionsCovered, boolean curriculumCovered,
                       boolean supportsCovered, String questionsAsked) {
    }

    private final CaseRecord caseRecord;

    PreEnrollmentConference(CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
    }

    public void scheduled(Long caseId, Schedule schedule) {
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", "preEnrollmentConferenceScheduled",
                "Conference by " + TimelineWording.of(schedule.modality()) + " on " + schedule.date() + " with "
                        + schedule.attendees() + TimelineWording.optional("; advocate: ", schedule.advocate())));
    }

    // ENR-02: the conference covers the options, curriculum offerings and nonacademic supports
    public void held(Long caseId, Held held) {
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
            throw InvalidRequestException.rule("ENR-02", "topics", "the conference must cover "
                    + String.join(", ", missing));
        }
        caseRecord.append(caseId, CaseEvent.underRule("ENR-02", HELD, "Conference held on " + held.heldOn()
                + "; covered the educational options, curriculum offerings and nonacademic supports"
                + TimelineWording.optional(". Questions asked: ", held.questionsAsked())));
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
}
