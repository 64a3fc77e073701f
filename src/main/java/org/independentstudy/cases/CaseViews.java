package org.independentstudy.cases;

import java.util.List;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.Enrollments;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.participation.ParticipationSummaries;
import org.independentstudy.people.Student;
import org.independentstudy.progress.ProgressEvaluations;
import org.independentstudy.people.StudentLookup;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.policy.DistrictPolicies;
import org.independentstudy.policy.DistrictPolicy;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cases for the case API. */
@Service
@Transactional(readOnly = true)
public class CaseViews {

    private final CaseRecord caseRecord;
    private final Enrollments enrollments;
    private final EnrolledPlacements placements;
    private final StudentRepository students;
    private final StudentLookup studentLookup;
    private final DistrictPolicies policies;
    private final CaseProgress progress;
    private final ParticipationSummaries participation;
    private final ProgressEvaluations evaluations;

    CaseViews(CaseRecord caseRecord, Enrollments enrollments, EnrolledPlacements placements,
              StudentRepository students, StudentLookup studentLookup, DistrictPolicies policies,
              CaseProgress progress, ParticipationSummaries participation, ProgressEvaluations evaluations) {
        this.participation = participation;
        this.evaluations = evaluations;
        this.caseRecord = caseRecord;
        this.enrollments = enrollments;
        this.placements = placements;
        this.students = students;
        this.studentLookup = studentLookup;
        this.policies = policies;
        this.progress = progress;
    }

    public CaseView view(Long caseId) {
        IndependentStudyCase c = caseRecord.get(caseId);
        Enrollment e = enrollments.of(caseId);
        Student s = students.findById(c.getStudentId()).orElseThrow();
        DistrictPolicy policy = policies.inForceOn(e.getRequestedStart());
        return new CaseView(c.getId(), new CaseView.Student(s.getId(), s.getStudentNumber(), s.fullName(),
                c.getSchoolId()), c.getPhase(), c.getOpenedAt(), c.getOpenedBy(), c.getClosedAt(), c.getClosingReason(),
                new CaseView.Request(e.getRequesterName(), e.getReceivedVia(), e.getReceivedOn(), e.getReceivedBy(),
                        e.getReason(), e.getPreferredPlacement(), e.isConferenceRequested()),
                placements.placementOf(caseId), e.resourceNeeds(), new CaseView.Policy(policy.getCode(),
                policy.getTitle()),
                c.isClosed() ? List.of() : progress.deadlines(caseId),
                c.isClosed() ? List.of() : progress.openTasks(caseId),
                participation.of(caseId), evaluations.ofCase(caseId),
                caseRecord.timelineOf(caseId).stream().map(t -> new CaseView.Entry(t.getRecordedAt(), t.getActor(),
                        t.getStep(), t.getDescription(), t.getRuleId(), t.getPolicyCode())).toList());
    }

    public List<CaseView.Summary> ofStudent(String idOrNumber) {
        Student student = studentLookup.byIdOrNumber(idOrNumber).orElseThrow(() -> new NotFoundException(
                "No student with id or student number '" + idOrNumber + "'"));
        return caseRecord.casesOfStudent(student.getId()).stream().map(c -> {
            Enrollment e = enrollments.of(c.getId());
            return new CaseView.Summary(c.getId(), c.getPhase(), c.getOpenedAt(), c.getClosedAt(),
                    e.getRequestedStart(), e.getProjectedEnd(), e.getProgram(), e.getLongTerm());
        }).toList();
    }
}
