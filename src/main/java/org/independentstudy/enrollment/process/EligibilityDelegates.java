package org.independentstudy.enrollment.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.enrollment.EligibilityChecks;
import org.independentstudy.enrollment.Refusal;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.process.SubmittedForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The eligibility steps of the case process, one bean per decision. A refusal leaves the rule and reason in
 * the process and raises the BPMN error that ends the case as refused ({@code recordRefusal}).
 */
@Configuration
class EligibilityDelegates {

    @Bean
    JavaDelegate checkMinimumLength(EligibilityChecks checks) {
        return refusingOn(checks::minimumLength);
    }

    @Bean
    JavaDelegate checkSuspensionReferral(EligibilityChecks checks) {
        return refusingOn(checks::suspensionReferral);
    }

    @Bean
    JavaDelegate recordSection504Plan(EligibilityChecks checks) {
        return execution -> checks.section504Plan(caseIdOf(execution));
    }

    @Bean
    JavaDelegate checkCourseBasedSemesterLock(EligibilityChecks checks) {
        return refusingOn(checks::semesterLock);
    }

    @Bean
    JavaDelegate checkHomeHospitalExclusion(EligibilityChecks checks) {
        return refusingOn(checks::homeHospital);
    }

    /** Reads the special-education coordinator's form (determine-iep-participation). */
    @Bean
    JavaDelegate recordIepDetermination(EligibilityChecks checks) {
        return refusingOn((execution, caseId) -> {
            SubmittedForm form = new SubmittedForm(execution);
            return checks.iepDetermination(caseId, form.flag("iepTeamApproves"), form.flag("iepProvidesCourseBased"),
                    form.text("iepNote"));
        });
    }

    @Bean
    JavaDelegate decideMedicalExemption(EligibilityChecks checks) {
        return execution -> execution.setVariable("medicalExemption", checks.medicalExemption(caseIdOf(execution)));
    }

    private static JavaDelegate refusingOn(Function<Long, Optional<Refusal>> check) {
        return refusingOn((execution, caseId) -> check.apply(caseId));
    }

    private static JavaDelegate refusingOn(Decision decision) {
        return execution -> {
            Optional<Refusal> refusal = decision.decide(execution, caseIdOf(execution));
            if (refusal.isPresent()) {
                execution.setVariable(CaseVariables.REFUSAL_RULE, refusal.get().ruleId());
                execution.setVariable(CaseVariables.REFUSAL_REASON, refusal.get().reason());
                throw new BpmnError(CaseVariables.ELIGIBILITY_REFUSED, refusal.get().reason());
            }
        };
    }

    private interface Decision {
        Optional<Refusal> decide(DelegateExecution execution, Long caseId);
    }
}
