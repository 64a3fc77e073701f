package org.independentstudy.enrollment.process;

import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.enrollment.PreEnrollmentConferenceRequested;
import org.independentstudy.process.ProcessMessages;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * ENR-02: starts the case process's conference steps (event subprocess preEnrollmentConference) for a request
 * recorded at intake or later. Sent when the recording transaction is about to commit: by then a case started in
 * the same transaction (API or Tasklist start form) waits in its first wait state, and a message to a process
 * still executing would be lost.
 */
@Component
class ConferenceRequestMessages {

    static final String CONFERENCE_REQUESTED = "PreEnrollmentConferenceRequested";

    private final RuntimeService runtime;
    private final ZoneId zone;

    ConferenceRequestMessages(RuntimeService runtime, DistrictProperties district) {
        this.runtime = runtime;
        this.zone = district.timeZone();
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void conferenceRequested(PreEnrollmentConferenceRequested request) {
        ProcessMessages.deliver(runtime.createMessageCorrelation(CONFERENCE_REQUESTED)
                .processInstanceBusinessKey(request.caseId().toString())
                .setVariable("conferenceRequestedOn", Date.from(request.requestedOn().atStartOfDay(zone).toInstant()))
                .setVariable("conferenceSchedulingSchoolDays", request.schedulingSchoolDays())
                .setVariable("advocateRequested", request.advocateRequested()));
    }
}
