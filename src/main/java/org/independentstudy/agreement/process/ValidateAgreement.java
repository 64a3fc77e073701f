package org.independentstudy.agreement.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementVersion;
import org.springframework.stereotype.Component;

/** Saves the drafted agreement as a version and lists every problem that keeps it from signature. */
@Component("validateAgreement")
class ValidateAgreement implements JavaDelegate {

    private final AgreementDrafting drafting;

    ValidateAgreement(AgreementDrafting drafting) {
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long agreementId = (Long) execution.getVariable("agreementId");
        AgreementVersion version = drafting.save(agreementId, DraftForm.draftOf(execution::getVariable));
        List<String> problems = drafting.problemsOf(version.getId());
        execution.setVariable("agreementVersionId", version.getId());
        execution.setVariable("agreementReady", problems.isEmpty());
        execution.setVariable("agreementProblems", String.join("\n", problems));
    }
}
