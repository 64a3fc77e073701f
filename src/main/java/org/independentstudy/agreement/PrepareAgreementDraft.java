package org.independentstudy.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Prepares the agreement of the case's placement and prefills the drafting form. */
@Component("prepareAgreementDraft")
class PrepareAgreementDraft implements JavaDelegate {

    private final ObjectProvider<CasePlacements> placements;
    private final AgreementDrafting drafting;

    PrepareAgreementDraft(ObjectProvider<CasePlacements> placements, AgreementDrafting drafting) {
        this.placements = placements;
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable("caseId");
        CasePlacements source = placements.getIfAvailable();
        if (source == null) {
            // enrollment's placement service provides this bean; without it no agreement can be drafted
            throw new IllegalStateException("No placement source is deployed; case " + caseId + " has no placement");
        }
        WrittenAgreement agreement = drafting.prepare(source.placementOf(caseId));
        AgreementDraft draft = drafting.startingDraft(agreement.getId());
        execution.setVariable("agreementId", agreement.getId());
        execution.setVariables(DraftForm.variablesOf(draft, drafting.preview(agreement.getId(), draft)));
    }
}
