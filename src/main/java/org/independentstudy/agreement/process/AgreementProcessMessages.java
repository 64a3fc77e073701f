package org.independentstudy.agreement.process;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.agreement.AgreementRevisionRequested;
import org.independentstudy.agreement.AgreementSigningHeld;
import org.independentstudy.agreement.FamilySignaturesComplete;
import org.independentstudy.agreement.FamilySigningLinkUndelivered;
import org.independentstudy.agreement.WrittenAgreementRepository;
import org.independentstudy.process.ProcessMessages;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Tells the written-agreement process what the domain decided, inside the same transaction: a lost race with
 * another signature surfaces as Spring's {@link OptimisticLockingFailureException}, so the signing is retried
 * and nothing is lost.
 */
@Component
class AgreementProcessMessages {

    static final String FAMILY_SIGNATURES_COMPLETE = "FamilySignaturesComplete";
    static final String REVISION_REQUESTED = "AgreementRevisionRequested";
    static final String SIGNING_HELD = "SigningHeldForConference";
    static final String LINK_UNDELIVERED = "FamilySigningLinkUndelivered";
    /**
     * The signer and the refused address: set on the signature collection's scope, which holds the message's
     * subscription, and copied by each counselor task's input mapping, so that two addresses' tasks keep their own.
     * A task's signers are a line each.
     */
    static final String UNDELIVERED_SIGNER = "undeliveredSigner";
    static final String UNDELIVERED_EMAIL = "undeliveredEmail";

    static final String REACH_FAMILY_WITHOUT_EMAIL = "reachFamilyWithoutEmail";
    private static final String SIGNER_LINES = "\n";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final WrittenAgreementRepository agreements;

    AgreementProcessMessages(RuntimeService runtimeService, TaskService taskService,
                             WrittenAgreementRepository agreements) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.agreements = agreements;
    }

    @EventListener
    void familySigned(FamilySignaturesComplete event) {
        correlate(FAMILY_SIGNATURES_COMPLETE, "agreementVersionId", event.agreementVersionId());
    }

    /** AGR-08: the draft goes back to its drafter with who sent it back and why. */
    @EventListener
    void revisionRequested(AgreementRevisionRequested event) {
        ProcessMessages.deliver(runtimeService.createMessageCorrelation(REVISION_REQUESTED)
                .processInstanceVariableEquals(AgreementVariables.VERSION_ID, event.withdrawnVersionId())
                .setVariable(AgreementVariables.DRAFT_RETURNED_BECAUSE, "Sent back for revision by "
                        + event.requestedBy() + ": " + event.reason()));
    }

    /** ENR-02: signing is on hold for the pre-enrollment conference; the process waits for it. */
    @EventListener
    void signingHeld(AgreementSigningHeld event) {
        correlate(SIGNING_HELD, "agreementVersionId", event.heldVersionId());
    }

    /**
     * AGR-07, AGR-08: a family signer's signing e-mail was never delivered; a counselor reaches them, once for each
     * refused address. A minor's link and their parent's go to the family's one address and are given up at about
     * the same moment: they take turns on the agreement's lock, and a later one adds its signer to the open task
     * for the address, so that the counselor calls the family once.
     */
    @EventListener
    void linkUndelivered(FamilySigningLinkUndelivered event) {
        agreements.lockOfVersion(event.agreementVersionId());
        Optional<Task> open = taskService.createTaskQuery().taskDefinitionKey(REACH_FAMILY_WITHOUT_EMAIL)
                .processVariableValueEquals(AgreementVariables.VERSION_ID, event.agreementVersionId()).list().stream()
                .filter(task -> event.email().equals(taskService.getVariable(task.getId(), UNDELIVERED_EMAIL)))
                .findFirst();
        if (open.isPresent()) {
            // where the task's input mapping put it: the task's own execution; a reminder's signer is there already
            String execution = open.get().getExecutionId();
            String signers = (String) runtimeService.getVariableLocal(execution, UNDELIVERED_SIGNER);
            if (!undeliveredSigners(signers).contains(event.signer())) {
                runtimeService.setVariableLocal(execution, UNDELIVERED_SIGNER,
                        signers + SIGNER_LINES + event.signer());
            }
            return;
        }
        ProcessMessages.deliver(runtimeService.createMessageCorrelation(LINK_UNDELIVERED)
                .processInstanceVariableEquals(AgreementVariables.VERSION_ID, event.agreementVersionId())
                .setVariableLocal(UNDELIVERED_SIGNER, event.signer())
                .setVariableLocal(UNDELIVERED_EMAIL, event.email()));
    }

    /** The signers a counselor task names, from its {@link #UNDELIVERED_SIGNER} variable. */
    static List<String> undeliveredSigners(String lines) {
        return List.of(lines.split(SIGNER_LINES));
    }

    private void correlate(String message, String variable, Long value) {
        ProcessMessages.deliver(runtimeService.createMessageCorrelation(message)
                .processInstanceVariableEquals(variable, value));
    }
}
