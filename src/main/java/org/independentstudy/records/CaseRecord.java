package org.independentstudy.records;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way every phase writes a case: opening it, moving its phase, closing it, and the append-only
 * timeline that is the auditor's view and the counselor's history of the case (REC-07).
 */
@Service
public class CaseRecord {

    private final CaseRepository cases;
    private final TimelineRepository timeline;
    private final CurrentActor actor;
    private final Clock clock;

    public CaseRecord(CaseRepository cases, TimelineRepository timeline, CurrentActor actor, Clock clock) {
        this.cases = cases;
        this.timeline = timeline;
        this.actor = actor;
        this.clock = clock;
    }

    @Transactional
    public IndependentStudyCase open(Long studentId, Long schoolId, CaseEvent opening) {
        IndependentStudyCase opened = cases.save(
                new IndependentStudyCase(studentId, schoolId, clock.instant(), actor.username()));
        append(opened.getId(), opening);
        return opened;
    }

    @Transactional
    public void attachProcess(Long caseId, String processInstanceId) {
        get(caseId).attachProcess(processInstanceId);
    }

    @Transactional
    public TimelineEntry append(Long caseId, CaseEvent event) {
        return timeline.save(new TimelineEntry(caseId, clock.instant(), actor.username(), event));
    }

    @Transactional
    public void moveTo(Long caseId, CasePhase phase, CaseEvent event) {
        get(caseId).moveTo(phase);
        append(caseId, event);
    }

    @Transactional
    public void close(Long caseId, CasePhase finalPhase, CaseEvent event) {
        get(caseId).close(finalPhase, event.description(), clock.instant());
        append(caseId, event);
    }

    @Transactional(readOnly = true)
    public IndependentStudyCase get(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /**
     * The case, its row locked until the caller's transaction ends: the same message to a case sent twice at once
     * (a family's link used twice) is then delivered one after the other, and the second finds the process no longer
     * waiting (a 409), instead of racing the first inside the engine.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IndependentStudyCase getForChange(Long caseId) {
        return cases.lockById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineOf(Long caseId) {
        return timeline.findByCaseIdOrderByIdAsc(caseId);
    }

    @Transactional(readOnly = true)
    public List<IndependentStudyCase> casesOfStudent(Long studentId) {
        return cases.findByStudentIdOrderByOpenedAtDesc(studentId);
    }
}
