package org.independentstudy.agreement.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementActivation;
import org.springframework.stereotype.Component;

/** AGR-09: the fully signed agreement makes the case active; the case process continues from here. */
@Component("activateAgreement")
class ActivateAgreement implements JavaDelegate {

    private final AgreementActivation activation;
    private final Clock clock;

    ActivateAgreement(AgreementActivation activation, Clock clock) {
        this.activation = activation;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate firstDay = activation.activate((Long) execution.getVariable("agreementVersionId"));
        execution.setVariable("independentStudyStartDate", Date.from(firstDay.atStartOfDay(clock.getZone()).toInstant()));
    }
}
