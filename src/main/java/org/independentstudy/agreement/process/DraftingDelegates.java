package org.independentstudy.agreement.process;

import static org.independentstudy.agreement.process.AgreementVariables.AGREEMENT_ID;
import static org.independentstudy.agreement.process.AgreementVariables.SIGNING_WINDOW_FROM;
import static org.independentstudy.agreement.process.AgreementVariables.VERSION_ID;
import static org.independentstudy.agreement.process.AgreementVariables.versionIdOf;
import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.agreement.AgreementDraft;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.AgreementVersion;
import org.independentstudy.agreement.SignatureDeadline;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.agreement.WrittenAgreement;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the written-agreement process that draft, validate and send the agreement (AGR-01..07, AGR-12). */
@Configuration
class DraftingDelegates {

    /** The agreement of the case's enrolled placement (a supplement when a master exists, AGR-12), prefilled. */
    @Bean
    JavaDelegate prepareAgreementDraft(EnrolledPlacements placements, AgreementDrafting drafting) {
        return execution -> {
            Long caseId = caseIdOf(execution);
            WrittenAgreement agreement = drafting.prepare(placements.placementOf(caseId));
            AgreementDraft draft = drafting.startingDraft(agreement.getId(), placements.resourceNeedsOf(caseId));
            execution.setVariable(AGREEMENT_ID, agreement.getId());
            execution.setVariables(DraftForm.variablesOf(draft, drafting.preview(agreement.getId(), draft)));
        };
    }

    /** Saves the draft as a version and lists every problem that keeps it from signature (AGR-01, AGR-03..05). */
    @Bean
    JavaDelegate validateAgreement(AgreementDrafting drafting) {
        return execution -> {
            AgreementVersion version = drafting.save((Long) execution.getVariable(AGREEMENT_ID),
                    DraftForm.draftOf(execution::getVariable));
            List<String> problems = drafting.problemsOf(version.getId());
            execution.setVariable(VERSION_ID, version.getId());
            execution.setVariable("agreementReady", problems.isEmpty());
            execution.setVariable("agreementProblems", String.join("\n", problems));
        };
    }

    /**
     * Sends the valid version for signature and sets the deadline timers (AGR-07) and the signing tasks (AGR-06);
     * after a principal's decision to revise, the fresh window counts from {@code signingWindowFrom}.
     */
    @Bean
    JavaDelegate sendForSignatures(AgreementDrafting drafting, AgreementSignatures signatures, Clock clock) {
        return execution -> {
            Long versionId = versionIdOf(execution);
            Object windowFrom = execution.getVariable(SIGNING_WINDOW_FROM);
            SignatureDeadline deadline = drafting.sendForSignature(versionId,
                    windowFrom == null ? null : LocalDate.parse(windowFrom.toString()));
            execution.setVariable("signatureDeadlineAt", Date.from(deadline.deadlineAt()));
            execution.setVariable("signatureReminderAt", Date.from(deadline.reminderAt()));
            execution.setVariable("specialEducationSignatureRequired",
                    signatures.requiredSigners(versionId, LocalDate.now(clock)).stream()
                            .anyMatch(s -> s.role() == SignerRole.SPECIAL_EDUCATION_DESIGNEE));
            execution.setVariable("signatureDeadline", deadline.rule());
        };
    }
}
