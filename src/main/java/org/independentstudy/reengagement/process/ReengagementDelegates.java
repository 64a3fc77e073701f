package org.independentstudy.reengagement.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.cases.CaseProgress;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.process.SubmittedForm;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.reengagement.ParentNotices;
import org.independentstudy.reengagement.ReengagementDeadlines;
import org.independentstudy.reengagement.ReengagementSweep;
import org.independentstudy.reengagement.Reengagements;
import org.independentstudy.reengagement.TriggerFindings;
import org.independentstudy.reengagement.Reengagements.Tier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the processes tiered-reengagement, parent-notice and reengagement-sweep (REE-01..10). */
@Configuration
class ReengagementDelegates {

    /** Guardians a counselor checks in the contact form; more are edited on the student page. */
    static final int CONTACTS_IN_FORM = 3;

    private static final Map<String, Tier> TIERS = Map.of(
            "verifyContactInformation", Tier.CONTACT_CHECK, "planOutreach", Tier.OUTREACH,
            "holdReengagementConference", Tier.CONFERENCE, "decideReengagementOutcome", Tier.PRINCIPAL_DECISION,
            "reviseAgreementAfterReengagement", Tier.FOLLOW_UP, "followUpReengagementReferral", Tier.FOLLOW_UP);

    static Long reengagementIdOf(DelegateExecution execution) {
        return ((Number) execution.getVariable(ReengagementEngine.REENGAGEMENT_ID)).longValue();
    }

    /** Each step's tier and due time go on the re-engagement; the contact check gets the current contacts. */
    @Bean
    TaskListener enterReengagementStep(Reengagements reengagements) {
        return task -> {
            Long id = reengagementIdOf(task.getExecution());
            reengagements.enterTier(id, TIERS.get(task.getTaskDefinitionKey()), task.getDueDate());
            if ("verifyContactInformation".equals(task.getTaskDefinitionKey())) {
                List<Map<String, Object>> contacts = reengagements.contactsOf(id);
                for (int i = 0; i < Math.min(CONTACTS_IN_FORM, contacts.size()); i++) {
                    Map<String, Object> contact = contacts.get(i);
                    String prefix = "guardian" + (i + 1);
                    task.getExecution().setVariable(prefix + "Id", ((Number) contact.get("id")).longValue());
                    task.getExecution().setVariable(prefix + "Name", contact.get("full_name") + " ("
                            + contact.get("relationship") + ")");
                    task.getExecution().setVariable(prefix + "Email", contact.get("email"));
                    task.getExecution().setVariable(prefix + "Phone", contact.get("phone"));
                }
            }
        };
    }

    /** A step past its due time: principals see it too (timeout listener on each step). */
    @Bean
    TaskListener escalateOverdueStep(Reengagements reengagements) {
        return task -> {
            task.addCandidateGroup("principals");
            reengagements.stepOverdue(reengagementIdOf(task.getExecution()), task.getName(), task.getDueDate());
        };
    }

    /** REE-05: the contacts as the counselor verified them. */
    @Bean
    TaskListener recordContactCheck(Reengagements reengagements) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            List<Reengagements.ContactUpdate> updates = new ArrayList<>();
            for (int i = 1; i <= CONTACTS_IN_FORM; i++) {
                Long guardian = form.number("guardian" + i + "Id");
                if (guardian != null) {
                    updates.add(new Reengagements.ContactUpdate(guardian, form.text("guardian" + i + "Email"),
                            form.text("guardian" + i + "Phone")));
                }
            }
            reengagements.verifyContacts(reengagementIdOf(task.getExecution()), updates, form.text("contactNotes"));
        };
    }

    /** REE-07: the outreach plan; the improvement window begins. */
    @Bean
    TaskListener recordOutreachPlan(Reengagements reengagements, ReengagementDeadlines deadlines) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            List<Reengagements.Referral> referrals = new ArrayList<>();
            for (String service : List.of("HEALTH", "MENTAL_HEALTH", "SOCIAL_SERVICES", "FAMILY_RESOURCE_CENTER")) {
                String key = "referral" + camel(service);
                if (form.flag(key)) {
                    referrals.add(new Reengagements.Referral(service, form.text(key + "Provider"), null));
                }
            }
            Long id = reengagementIdOf(task.getExecution());
            reengagements.recordOutreachPlan(id, form.text("needsAssessment"), referrals);
            var windowEnd = deadlines.improvementWindowEnd();
            task.getExecution().setVariable("improvementReviewAt", windowEnd);
            reengagements.enterTier(id, Tier.IMPROVEMENT_WINDOW, windowEnd);
        };
    }

    /** REE-08: the data the district's conference standard decides on. */
    @Bean
    JavaDelegate reviewImprovement(Reengagements reengagements) {
        return execution -> {
            Long id = reengagementIdOf(execution);
            execution.setVariable("stillTriggered", reengagements.stillTriggered(id));
            execution.setVariable("reengagementsThisSchoolYear", reengagements.reengagementsThisSchoolYear(id));
        };
    }

    /** The attendance improved and the standard asks no conference: the student is re-engaged. */
    @Bean
    JavaDelegate closeReengaged(Reengagements reengagements, ReengagementDeadlines deadlines) {
        return execution -> reengagements.end(reengagementIdOf(execution), "RE_ENGAGED",
                "No trigger holds after the outreach and " + deadlines.improvementSchoolDays()
                        + " school days, and the district's standard asks no conference: the student is re-engaged");
    }

    /** REE-08: the conference as held. */
    @Bean
    TaskListener recordReengagementConference(Reengagements reengagements, SchoolCalendar calendar) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            reengagements.recordConference(reengagementIdOf(task.getExecution()),
                    form.date("conferenceHeldOn", calendar.districtZone()), form.text("conferenceParticipants"),
                    form.text("conferenceNotes"));
        };
    }

    /** REE-09: the principal's decision. */
    @Bean
    TaskListener recordReengagementDecision(Reengagements reengagements) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            reengagements.decide(reengagementIdOf(task.getExecution()),
                    form.choice("reengagementDecision", Reengagements.Decision.class), form.text("decisionNotes"));
        };
    }

    /** REE-09, TRN-03: a return decided by the principal takes the same transition as a family's request. */
    @Bean
    JavaDelegate requestReturnAfterDecision(CaseProgress caseProgress, CaseRecord caseRecord, Clock clock,
                                            SchoolCalendar calendar) {
        return execution -> {
            Long caseId = caseIdOf(execution);
            String caseProcess = caseRecord.get(caseId).getProcessInstanceId();
            try {
                if (caseProcess == null) {
                    throw new ConflictException("the case has no process");
                }
                caseProgress.requestReturn(caseProcess, LocalDate.now(clock.withZone(calendar.districtZone())),
                        "the principal's decision (REE-09)");
            } catch (ConflictException e) {
                caseRecord.append(caseId, CaseEvent.underRule("TRN-03", "returnAlreadyUnderWay",
                        "The principal decided a return to in-person instruction; the case's return is already under "
                                + "way or its placement no longer runs, so no second return was started"));
            }
        };
    }

    /** REE-09: a follow-up of the decision (revised agreement, referral) as done. */
    @Bean
    TaskListener recordReengagementFollowUp(CaseRecord caseRecord) {
        return task -> caseRecord.append(caseIdOf(task.getExecution()), CaseEvent.underRule("REE-09",
                task.getTaskDefinitionKey(), task.getName() + ": " + new SubmittedForm(task).text("followUpNote")));
    }

    /** REE-09: the re-engagement ends with the principal's decision carried out. */
    @Bean
    JavaDelegate closeAfterDecision(Reengagements reengagements) {
        return execution -> reengagements.end(reengagementIdOf(execution), null,
                "Re-engagement ended with the principal's decision carried out");
    }

    /** REE-06: a parent notice goes out (its e-mails queued, its letters to print). */
    @Bean
    JavaDelegate sendParentNotice(ParentNotices notices) {
        return execution -> {
            ParentNotices.Delivery delivery = notices.deliver(noticeIdOf(execution));
            execution.setVariable("noticeMailQueued", delivery.mailQueued());
            execution.setVariable("noticeDelivered", delivery.delivered());
            execution.setVariable("noticeLettersToPrint", delivery.lettersToPrint());
        };
    }

    /** REE-06: the printed letters handed over. */
    @Bean
    TaskListener recordNoticeHandedOver(ParentNotices notices) {
        return task -> notices.lettersHandedOver(noticeIdOf(task.getExecution()),
                new SubmittedForm(task).text("handOverNote"));
    }

    /** REE-06: the deadline passed before the notice was handed over. */
    @Bean
    JavaDelegate recordNoticeOverdue(ParentNotices notices) {
        return execution -> notices.overdue(noticeIdOf(execution));
    }

    /** REE-01..04: the nightly sweep after the latest school day up to today, once per day across the cluster. */
    @Bean
    JavaDelegate sweepAfterSchoolDay(ReengagementSweep sweep, TriggerFindings triggers, SchoolCalendar calendar,
                                     Clock clock) {
        return execution -> triggers.latestSchoolDayUpTo(LocalDate.now(clock.withZone(calendar.districtZone())))
                .filter(day -> sweep.report(day).isEmpty())
                .ifPresent(day -> sweep.sweep(day, "engine (nightly sweep)"));
    }

    private static Long noticeIdOf(DelegateExecution execution) {
        return ((Number) execution.getVariable(ReengagementEngine.NOTICE_ID)).longValue();
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.split("_")) {
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase());
        }
        return out.toString();
    }
}
