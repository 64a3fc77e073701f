package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.independentstudy.agreement.AgreementSignatures;
import org.independentstudy.agreement.SignatureMethod;
import org.independentstudy.agreement.SignatureOutcome;
import org.independentstudy.agreement.SignerRole;
import org.springframework.stereotype.Component;

/** A staff member signs by completing the signing task in Tasklist (AGR-08, method TASKLIST). */
@Component("recordStaffSignature")
class RecordStaffSignature implements TaskListener {

    static final String SPECIAL_EDUCATION_TASK = "signAsSpecialEducationDesignee";

    private final AgreementSignatures signatures;
    private final IdentityService identityService;

    RecordStaffSignature(AgreementSignatures signatures, IdentityService identityService) {
        this.signatures = signatures;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Long versionId = (Long) task.getVariable("agreementVersionId");
        SignerRole role = SPECIAL_EDUCATION_TASK.equals(task.getTaskDefinitionKey())
                ? SignerRole.SPECIAL_EDUCATION_DESIGNEE : signatures.teacherRoleOf(versionId);
        String signer = signerOf(task);
        SignatureOutcome outcome = signatures.sign(versionId, role, signer, SignatureMethod.TASKLIST);
        if (outcome == SignatureOutcome.NOT_A_REQUIRED_SIGNER || outcome == SignatureOutcome.VERSION_SUPERSEDED) {
            throw new IllegalStateException(signer + " cannot sign this agreement as " + role + ": " + outcome);
        }
    }

    /** The logged-in user completing the task; the assignee when the engine runs without one. */
    private String signerOf(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        String signer = current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
        if (signer == null) {
            throw new IllegalStateException("A signing task must be completed by a logged-in staff member");
        }
        return signer;
    }
}
