package org.independentstudy.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.Placement;
import org.independentstudy.enrollment.ResourceNeeds;
import org.independentstudy.participation.ParticipationSummary;
import org.independentstudy.progress.ProgressEvaluationView;
import org.independentstudy.records.CasePhase;

/** A case as staff read it: where it stands, what was decided, by whom and when, and what is open. */
public record CaseView(Long id, Student student, CasePhase phase, Instant openedAt, String openedBy,
                       Instant closedAt, String closingReason, Request request, Placement placement,
                       ResourceNeeds resourceNeeds, Policy policy, List<CaseProgress.Deadline> deadlines,
                       List<CaseProgress.OpenTask> openTasks, ParticipationSummary participation,
                       List<ProgressEvaluationView> evaluations, List<Entry> timeline) {

    public record Student(Long id, String studentNumber, String name, Long schoolId) {
    }

    public record Request(String requester, FamilyRequest.ReceivedVia receivedVia, LocalDate receivedOn,
                          String receivedBy, String reason, FamilyRequest.PreferredPlacement preferredPlacement,
                          boolean conferenceRequested) {
    }

    /** The district policy version in force on the placement's start date (ENR-06). */
    public record Policy(String code, String title) {
    }

    /** One decision or step on the timeline, with who and when (REC-07). */
    public record Entry(Instant at, String actor, String step, String description, String rule, String policy) {
    }

    /** A line of a student's case list. */
    public record Summary(Long id, CasePhase phase, Instant openedAt, Instant closedAt, LocalDate requestedStart,
                          LocalDate projectedEnd, Placement.Program program, Boolean longTerm) {
    }
}
