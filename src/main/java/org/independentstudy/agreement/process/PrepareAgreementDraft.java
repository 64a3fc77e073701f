package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementDraft;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.WrittenAgreement;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.springframework.stereotype.Component;

/** Prepares the agreement of the case's enrolled placement and prefills the drafting form. */
@Component("prepareAgreementDraft")
class PrepareAgreementDraft implements JavaDelegate {

    private final EnrolledPlacements placements;
    private final AgreementDrafting drafting;

    PrepareAgreementDraft(EnrolledPlacements placements, AgreementDrafting drafting) {
        this.placements = placements;
        this.drafting = drafting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable("caseId");
        WrittenAgreement agreement = drafting.prepare(placements.placementOf(caseId));
        AgreementDraft draft = drafting.startingDraft(agreement.getId(), placements.resourceNeedsOf(caseId));
        execution.setVariable("agreementId", agreement.getId());
        execution.setVariables(DraftForm.variablesOf(draft, drafting.preview(agreement.getId(), draft)));
    }
}
