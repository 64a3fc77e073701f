package org.independentstudy.agreement.process;

import static org.independentstudy.agreement.process.AgreementVariables.versionIdOf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.agreement.AgreementActivation;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.agreement.SignatureOutcome;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.process.TaskCompleter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the written-agreement process that take staff signatures and activate the case (AGR-06..09). */
@Configuration
class SigningDelegates {

    static final String SPECIAL_EDUCATION_TASK = "signAsSpecialEducationDesignee";

    /** A staff member signs by completing the signing task in Tasklist (AGR-08, method TASKLIST). */
    @Bean
    TaskListener recordStaffSignature(AgreementSignatures signatures, IdentityService identityService) {
        return task -> {
            Long versionId = versionIdOf(task);
            SignerRole role = SPECIAL_EDUCATION_TASK.equals(task.getTaskDefinitionKey())
                    ? SignerRole.SPECIAL_EDUCATION_DESIGNEE : signatures.teacherRoleOf(versionId);
            String signer = TaskCompleter.of(task, identityService);
            SignatureOutcome outcome = signatures.sign(versionId, role, signer, SignatureMethod.TASKLIST);
            if (outcome == SignatureOutcome.NOT_A_REQUIRED_SIGNER || outcome == SignatureOutcome.VERSION_SUPERSEDED) {
                throw new IllegalStateException(signer + " cannot sign this agreement as " + role + ": " + outcome);
            }
        };
    }

    /**
     * AGR-09: the fully signed agreement makes the case active from its first countable day (AGR-07); the case
     * process closes it when the day after the agreement's last day begins.
     */
    @Bean
    JavaDelegate activateAgreement(AgreementActivation activation, Clock clock) {
        return execution -> {
            AgreementActivation.ActiveDays days = activation.activate(versionIdOf(execution));
            execution.setVariable("independentStudyStartDate", startOf(days.firstDay(), clock));
            execution.setVariable("placementEndsAt", startOf(days.lastDay().plusDays(1), clock));
        };
    }

    private static Date startOf(LocalDate day, Clock clock) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
