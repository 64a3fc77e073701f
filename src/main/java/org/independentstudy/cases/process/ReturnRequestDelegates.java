package org.independentstudy.cases.process;

import static org.independentstudy.process.CaseVariables.CASE_ID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.cases.ReturnRequests;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.process.SubmittedForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The step of the process return-request, Tasklist's way to record a family's request to return (TRN-01). */
@Configuration
class ReturnRequestDelegates {

    /** The same service as the case API; a refused request fails the start form, so nothing is recorded. */
    @Bean
    JavaDelegate passReturnRequestToCase(ReturnRequests requests, DistrictProperties district,
                                         IdentityService identityService) {
        return execution -> {
            SubmittedForm form = new SubmittedForm(execution);
            var user = identityService.getCurrentAuthentication();
            Long caseId = requests.requestForStudent(form.text("student"), new ReturnRequests.ReturnRequest(
                    form.date("returnRequestedOn", district.timeZone()), form.text("returnNote")),
                    user == null ? "Tasklist" : user.getUserId());
            execution.setProcessBusinessKey(caseId.toString());
            execution.setVariable(CASE_ID, caseId);
        };
    }
}
