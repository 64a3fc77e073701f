package org.independentstudy.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.cases.ConferenceRequests;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.process.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * ENR-02: Tasklist's way to record a parent's later request for a pre-enrollment conference (process
 * pre-enrollment-conference-request): the same service as the case API; a refused request fails the start, so
 * nothing is recorded.
 */
@Component("passConferenceRequestToCase")
class PassConferenceRequestToCase implements JavaDelegate {

    private final ConferenceRequests requests;

    PassConferenceRequestToCase(ConferenceRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SubmittedForm form = new SubmittedForm(execution);
        Long caseId = requests.requestForStudent(form.text("student"), new PreEnrollmentConference.Request(
                form.choice("conferenceModality", ConferenceModality.class), form.flag("advocateRequested")));
        execution.setProcessBusinessKey(caseId.toString());
        execution.setVariable(CaseVariables.CASE_ID, caseId);
    }
}
