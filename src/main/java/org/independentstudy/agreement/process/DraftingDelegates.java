package org.independentstudy.agreement.process;

import static org.independentstudy.agreement.process.AgreementVariables.AGREEMENT_ID;
import static org.independentstudy.agreement.process.AgreementVariables.DRAFTER;
import static org.independentstudy.agreement.process.AgreementVariables.DRAFT_RETURNED_BECAUSE;
import static org.independentstudy.agreement.process.AgreementVariables.SIGNATURE_DEADLINE_AT;
import static org.independentstudy.agreement.process.AgreementVariables.SIGNATURE_LAST_DAY;
import static org.independentstudy.agreement.process.AgreementVariables.SIGNING_WINDOW_FROM;
import static org.independentstudy.agreement.process.AgreementVariables.VERSION_ID;
import static org.independentstudy.agreement.process.AgreementVariables.versionIdOf;
import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.agreement.AgreementDraft;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.SignatureDeadline;
import org.independentstudy.agreement.SignerRole;
import org.independentstudy.agreement.WrittenAgreement;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.records.CurrentActor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the written-agreement process that draft, validate and send the agreement (AGR-01..07, AGR-12). */
@Configuration
class DraftingDelegates {

    /**
     * The agreement of the case's enrolled placement (a supplement when a master exists, AGR-12), prefilled, with the
     * credentialed teachers to choose the supervising teacher from (AGR-11) and the signature deadline the draft
     * works towards (AGR-07). Nobody has drafted it yet, so it is assigned to nobody.
     */
    @Bean
    JavaDelegate prepareAgreementDraft(EnrolledPlacements placements, AgreementDrafting drafting) {
        return execution -> {
            Long caseId = caseIdOf(execution);
            WrittenAgreement agreement = drafting.prepare(placements.placementOf(caseId));
            AgreementDraft draft = drafting.startingDraft(agreement.getId(), placements.resourceNeedsOf(caseId));
            execution.setVariable(AGREEMENT_ID, agreement.getId());
            execution.setVariables(DraftForm.variablesOf(draft, drafting.preview(agreement.getId(), draft)));
            execution.setVariable(DraftForm.TEACHER_CHOICES,
                    DraftForm.teacherChoices(drafting.credentialedTeachersFor(agreement.getId())));
            execution.setVariable(SIGNATURE_DEADLINE_AT,
                    Date.from(drafting.draftDeadlineOf(agreement.getId(), null).deadlineAt()));
            execution.setVariable(DRAFTER, null);
            execution.setVariable(DRAFT_RETURNED_BECAUSE, null);
        };
    }

    /**
     * The drafter submitted the form: the task comes back to them (with the reason) whenever the draft returns, and
     * the reason they have just answered is cleared. A completion without a logged-in user assigns nobody.
     */
    @Bean
    TaskListener rememberDrafter(CurrentActor actor) {
        return task -> {
            String drafter = actor.username();
            task.getExecution().setVariable(DRAFTER, CurrentActor.SYSTEM.equals(drafter) ? null : drafter);
            task.getExecution().setVariable(DRAFT_RETURNED_BECAUSE, null);
        };
    }

    /**
     * Lists every problem that keeps the draft from signature (AGR-01, AGR-03..05, AGR-11); a complete draft is saved
     * as a version and the record says who drafted it.
     */
    @Bean
    JavaDelegate validateAgreement(AgreementDrafting drafting) {
        return execution -> {
            AgreementDrafting.SubmittedDraft submitted = drafting.submit((Long) execution.getVariable(AGREEMENT_ID),
                    DraftForm.draftOf(execution::getVariable));
            submitted.version().ifPresent(version -> execution.setVariable(VERSION_ID, version.getId()));
            execution.setVariable("agreementReady", submitted.problems().isEmpty());
            execution.setVariable("agreementProblems", String.join("\n", submitted.problems()));
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
            execution.setVariable(SIGNATURE_DEADLINE_AT, Date.from(deadline.deadlineAt()));
            execution.setVariable(SIGNATURE_LAST_DAY, deadline.lastDayToSign().toString());
            execution.setVariable("signatureReminderAt", Date.from(deadline.reminderAt()));
            execution.setVariable("specialEducationSignatureRequired",
                    signatures.requiredSigners(versionId, LocalDate.now(clock)).stream()
                            .anyMatch(s -> s.role() == SignerRole.SPECIAL_EDUCATION_DESIGNEE));
            execution.setVariable("signatureDeadline", deadline.rule());
        };
    }
}
