package org.independentstudy.agreement.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.agreement.SignatureFollowUp;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.process.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * AGR-07: the principal's decision about an agreement not signed by its deadline, from the decision task's form
 * (forms/decide-unsigned-agreement.form), on the case record; the diagram routes on
 * {@code unsignedAgreementDecision}. An incomplete decision is refused and records nothing.
 */
@Component("recordUnsignedAgreementDecision")
class RecordUnsignedAgreementDecision implements TaskListener {

    /** For a revision: the day the revised version's signing window counts from (yyyy-MM-dd). */
    static final String SIGNING_WINDOW_FROM = "signingWindowFrom";

    private final SignatureFollowUp followUp;
    private final DistrictProperties district;

    RecordUnsignedAgreementDecision(SignatureFollowUp followUp, DistrictProperties district) {
        this.followUp = followUp;
        this.district = district;
    }

    @Override
    public void notify(DelegateTask task) {
        SubmittedForm form = new SubmittedForm(task);
        UnsignedAgreementDecision decision = form.choice("unsignedAgreementDecision", UnsignedAgreementDecision.class);
        String note = form.text("decisionNote");
        if (decision == null) {
            throw InvalidRequestException.field("unsignedAgreementDecision",
                    "choose revise, end the placement or keep waiting");
        }
        if (note == null) {
            throw InvalidRequestException.field("decisionNote", "say why, as the case record will");
        }
        Long versionId = (Long) task.getVariable("agreementVersionId");
        switch (decision) {
            case REVISE -> task.setVariable(SIGNING_WINDOW_FROM, followUp.decideToRevise(versionId, note).toString());
            case END_PLACEMENT -> followUp.decideToEndPlacement(versionId, note);
            case KEEP_WAITING -> task.setVariable("waitingUntilAt", Date.from(followUp.keepWaiting(versionId, note,
                    form.date("waitUntil", district.timeZone()))));
        }
    }
}
