package org.independentstudy.agreement.process;

import static org.independentstudy.agreement.process.AgreementVariables.AGREEMENT_ID;
import static org.independentstudy.agreement.process.AgreementVariables.DRAFT_RETURNED_BECAUSE;
import static org.independentstudy.agreement.process.AgreementVariables.SIGNATURE_DEADLINE_AT;
import static org.independentstudy.agreement.process.AgreementVariables.SIGNATURE_LAST_DAY;
import static org.independentstudy.agreement.process.AgreementVariables.SIGNING_WINDOW_FROM;
import static org.independentstudy.agreement.process.AgreementVariables.versionIdOf;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.agreement.FamilyReachedWithoutEmail;
import org.independentstudy.agreement.SignatureDeadline;
import org.independentstudy.agreement.SignatureFollowUp;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.process.SubmittedForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * AGR-07: the steps of the written-agreement process around the signature deadline: the reminder, the principal's
 * follow-up, the deadline passing and the principal's decision (revise, end the placement, keep waiting).
 */
@Configuration
class SignatureDeadlineDelegates {

    /** Before the deadline, reminds whoever has not signed; the principal's follow-up task shows who. */
    @Bean
    JavaDelegate remindUnsignedSigners(SignatureFollowUp followUp) {
        return execution -> execution.setVariable("unsignedSigners",
                SignatureFollowUp.names(followUp.remindUnsignedSigners(versionIdOf(execution)), "\n"));
    }

    /** The principal's follow-up of an unsigned agreement, from the escalation task's form, on the record. */
    @Bean
    TaskListener recordPrincipalFollowUp(SignatureFollowUp followUp) {
        return task -> {
            String note = new SubmittedForm(task).text("escalationNote");
            if (note == null) {
                // the form requires it; a completion through the API without it is refused, not recorded as "null"
                throw InvalidRequestException.field("escalationNote", "say what you did about the unsigned agreement");
            }
            followUp.recordPrincipalFollowUp(versionIdOf(task), note);
        };
    }

    /**
     * How the counselor reached a family signer whose signing e-mail was never delivered, from
     * forms/reach-family-without-email.form, on the record; incomplete, it is refused and records nothing.
     */
    @Bean
    TaskListener recordFamilyReachedWithoutEmail(SignatureFollowUp followUp) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            FamilyReachedWithoutEmail how = form.choice("familyReachedBy", FamilyReachedWithoutEmail.class);
            String note = form.text("familyReachedNote");
            if (how == null) {
                throw InvalidRequestException.field("familyReachedBy", "choose how the family signs");
            }
            if (note == null) {
                throw InvalidRequestException.field("familyReachedNote", "say how you reached the family");
            }
            followUp.recordFamilyReachedWithoutEmail(versionIdOf(task),
                    AgreementProcessMessages.undeliveredSigners(
                            (String) task.getVariable(AgreementProcessMessages.UNDELIVERED_SIGNER)), how, note);
        };
    }

    /**
     * The deadline (or the day the principal waited until) passed unsigned: what that means for the days goes on
     * the case record, and the principal's decision task shows who has not signed.
     */
    @Bean
    JavaDelegate recordMissedSignatureDeadline(SignatureFollowUp followUp, AgreementDrafting drafting) {
        return execution -> {
            Long versionId = versionIdOf(execution);
            execution.setVariable("unsignedSigners",
                    SignatureFollowUp.names(followUp.recordMissedDeadline(versionId), "\n"));
            SignatureDeadline deadline = drafting.signatureDeadlineOf(versionId);
            execution.setVariable("signatureDeadline", deadline.rule());
            execution.setVariable(SIGNATURE_LAST_DAY, deadline.lastDayToSign().toString());
        };
    }

    /**
     * The principal's decision from forms/decide-unsigned-agreement.form, on the case record; the diagram routes on
     * {@code unsignedAgreementDecision}. An incomplete decision is refused and records nothing.
     */
    @Bean
    TaskListener recordUnsignedAgreementDecision(SignatureFollowUp followUp, DistrictProperties district) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            UnsignedAgreementDecision decision = form.choice("unsignedAgreementDecision",
                    UnsignedAgreementDecision.class);
            String note = form.text("decisionNote");
            if (decision == null) {
                throw InvalidRequestException.field("unsignedAgreementDecision",
                        "choose revise, end the placement or keep waiting");
            }
            if (note == null) {
                throw InvalidRequestException.field("decisionNote", "say why, as the case record will");
            }
            Long versionId = versionIdOf(task);
            switch (decision) {
                case REVISE -> {
                    task.setVariable(SIGNING_WINDOW_FROM, followUp.decideToRevise(versionId, note).toString());
                    task.setVariable(DRAFT_RETURNED_BECAUSE, "The principal decided to revise the agreement after "
                            + "its signing deadline passed: " + note);
                }
                case END_PLACEMENT -> followUp.decideToEndPlacement(versionId, note);
                case KEEP_WAITING -> task.setVariable("waitingUntilAt", Date.from(followUp.keepWaiting(versionId,
                        note, form.date("waitUntil", district.timeZone()))));
            }
        };
    }

    /** The principal ended the placement: the unsigned version is withdrawn and its family links revoked. */
    @Bean
    JavaDelegate withdrawUnsignedAgreement(AgreementDrafting drafting) {
        return execution -> drafting.withdrawUnsigned(versionIdOf(execution));
    }

    /**
     * The principal decided to revise: the version is withdrawn (signatures kept, links revoked, AGR-08), and the
     * redraft is due at the end of the fresh signing window (AGR-07).
     */
    @Bean
    JavaDelegate withdrawVersionForRevision(AgreementDrafting drafting) {
        return execution -> {
            drafting.reopenForRevision(versionIdOf(execution),
                    "the principal decided to revise it after its signing deadline passed");
            execution.setVariable(SIGNATURE_DEADLINE_AT, Date.from(drafting.draftDeadlineOf(
                    (Long) execution.getVariable(AGREEMENT_ID),
                    LocalDate.parse((String) execution.getVariable(SIGNING_WINDOW_FROM))).deadlineAt()));
        };
    }
}
