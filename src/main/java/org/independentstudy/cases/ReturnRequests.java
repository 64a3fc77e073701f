package org.independentstudy.cases;

import java.time.Clock;
import java.time.LocalDate;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CasePhase;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TRN-01: staff record that the family asked to return to in-person instruction; the case process starts the
 * return (process return-to-classroom) with its five-instructional-day deadline counted from the request.
 */
@Service
public class ReturnRequests {

    public record ReturnRequest(LocalDate requestedOn, String note) {
    }

    /** The note joins the timeline entry's description, which holds 2000 characters. */
    private static final int MAX_NOTE = 1500;

    private final CaseRecord caseRecord;
    private final CaseProgress process;
    private final OpenCases openCases;
    private final Clock clock;

    ReturnRequests(CaseRecord caseRecord, CaseProgress process, OpenCases openCases, Clock clock) {
        this.caseRecord = caseRecord;
        this.openCases = openCases;
        this.process = process;
        this.clock = clock;
    }

    @Transactional
    public void request(Long caseId, ReturnRequest request, String recordedBy) {
        IndependentStudyCase theCase = caseRecord.getForChange(caseId);
        if (theCase.getPhase() != CasePhase.ACTIVE) {
            throw new ConflictException("Case " + caseId + " is " + theCase.getPhase()
                    + ": a return to the classroom is asked for during an active placement");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate requestedOn = request == null || request.requestedOn() == null ? today : request.requestedOn();
        if (requestedOn.isAfter(today)) {
            throw InvalidRequestException.rule("TRN-01", "requestedOn", "the day the family asked, not a later one");
        }
        LocalDate opened = LocalDate.ofInstant(theCase.getOpenedAt(), clock.getZone());
        if (requestedOn.isBefore(opened)) {
            throw InvalidRequestException.rule("TRN-01", "requestedOn", "not before the case was opened on " + opened);
        }
        if (request != null && request.note() != null && request.note().strip().length() > MAX_NOTE) {
            throw InvalidRequestException.rule("TRN-01", "note", "at most " + MAX_NOTE + " characters");
        }
        String note = request == null || request.note() == null || request.note().isBlank() ? "" : ": "
                + request.note().strip();
        process.requestReturn(theCase.getProcessInstanceId(), requestedOn, "the family, recorded by " + recordedBy
                + note);
    }

    /** Tasklist's way in: the request for the student's open case, named by id or student number. */
    @Transactional
    public Long requestForStudent(String student, ReturnRequest request, String recordedBy) {
        Long caseId = openCases.ofStudent(student, "to return from (TRN-01)");
        request(caseId, request, recordedBy);
        return caseId;
    }
}
