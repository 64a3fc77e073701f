package org.independentstudy.cases.process;

import static org.independentstudy.process.CaseVariables.CASE_ID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.cases.ConferenceRequests;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.process.SubmittedForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step of the process pre-enrollment-conference-request, Tasklist's way to a parent's later request (ENR-02). */
@Configuration
class ConferenceRequestDelegates {

    /** The same service as the case API; a refused request fails the start, so nothing is recorded. */
    @Bean
    JavaDelegate passConferenceRequestToCase(ConferenceRequests requests) {
        return execution -> {
            SubmittedForm form = new SubmittedForm(execution);
            Long caseId = requests.requestForStudent(form.text("student"), new PreEnrollmentConference.Request(
                    form.choice("conferenceModality", ConferenceModality.class), form.flag("advocateRequested")));
            execution.setProcessBusinessKey(caseId.toString());
            execution.setVariable(CASE_ID, caseId);
        };
    }
}
