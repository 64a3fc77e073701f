package org.independentstudy.cases.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.Placement;
import org.independentstudy.enrollment.PlacementLifecycle;
import org.independentstudy.enrollment.PlacementType;
import org.independentstudy.enrollment.Refusal;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.process.SubmittedForm;
import org.independentstudy.process.TaskCompleter;
import org.independentstudy.transition.ClosingCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the case process that decide the placement and move or close the case. */
@Configuration
class CasePhaseDelegates {

    /** TRN-04: the counselor's choice to close although records are missing. */
    static final String CLOSE_WITH_GAPS = "CLOSE_WITH_GAPS";

    /** ENR-06; the placement's first day begins at placementStartsAt, when the IEP determination is due (ENR-03). */
    @Bean
    JavaDelegate decidePlacementType(PlacementLifecycle placements, EnrolledPlacements enrolled,
                                     DistrictProperties district) {
        return execution -> {
            Long caseId = caseIdOf(execution);
            PlacementType type = placements.decideType(caseId);
            // the IEP form asks about course-based only when it applies (ENR-09)
            execution.setVariable("courseBased", type.program() == Placement.Program.COURSE_BASED);
            execution.setVariable("longTerm", type.longTerm());
            execution.setVariable("placementStartsAt", Date.from(enrolled.placementOf(caseId).startDate()
                    .atStartOfDay(district.timeZone()).toInstant()));
        };
    }

    @Bean
    JavaDelegate recordRefusal(PlacementLifecycle placements) {
        return execution -> placements.refuse(caseIdOf(execution), new Refusal(
                (String) execution.getVariable(CaseVariables.REFUSAL_RULE),
                (String) execution.getVariable(CaseVariables.REFUSAL_REASON)));
    }

    @Bean
    ExecutionListener markReadyForAgreement(PlacementLifecycle placements) {
        return execution -> placements.readyForAgreement(caseIdOf(execution));
    }

    /** The agreement phase activated the case (AGR-09) and hands back the first day that counts (AGR-07). */
    @Bean
    ExecutionListener markPlacementActive(PlacementLifecycle placements, DistrictProperties district) {
        return execution -> placements.activate(caseIdOf(execution),
                new SubmittedForm(execution).date("independentStudyStartDate", district.timeZone()));
    }

    /** AGR-07: the agreement process ended with placementEndedUnsigned: the principal ended the placement. */
    @Bean
    JavaDelegate returnToClassroom(PlacementLifecycle placements, Clock clock) {
        return execution -> placements.returnToClassroom(caseIdOf(execution), LocalDate.now(clock));
    }

    /**
     * TRN-04: the placement ended early (the PlacementEnded message's {@code placementLastDay} and
     * {@code placementEndReason}, TRN-02) or completed with the agreement's last day, the day before
     * {@code placementEndsAt}.
     */
    @Bean
    JavaDelegate closeCase(PlacementLifecycle placements, DistrictProperties district) {
        ZoneId zone = district.timeZone();
        return execution -> {
            Enrollment.EndReason reason = new SubmittedForm(execution).choice("placementEndReason",
                    Enrollment.EndReason.class);
            placements.end(caseIdOf(execution), lastDayOf(execution, zone),
                    reason == null ? Enrollment.EndReason.COMPLETED : reason);
        };
    }

    /** TRN-04: what the records of the ending placement lack, for the counselor; empty: the case closes. */
    @Bean
    JavaDelegate checkRecordsComplete(ClosingCheck check, DistrictProperties district) {
        return execution -> {
            LocalDate lastDay = lastDayOf(execution, district.timeZone());
            List<String> missing = check.missingRecords(caseIdOf(execution), lastDay);
            execution.setVariable("recordsComplete", missing.isEmpty());
            if (!missing.isEmpty()) {
                execution.setVariable("recordsDueAt", check.recordsDueAt(lastDay));
            }
            execution.setVariable("recordsMissing", String.join("\n", missing));
        };
    }

    /** TRN-04: the counselor completed the records (checked again), or closes with the gaps explained. */
    @Bean
    TaskListener recordClosingDecision(ClosingCheck check, IdentityService identityService) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            if (CLOSE_WITH_GAPS.equals(form.text("closingDecision"))) {
                check.closeWithGaps(caseIdOf(task.getExecution()),
                        List.of(((String) task.getVariable("recordsMissing")).split("\n")),
                        TaskCompleter.of(task, identityService), form.text("closingNote"));
            }
        };
    }

    /** The placement's last day: the one an early end names, else the agreement's last (before placementEndsAt). */
    private static LocalDate lastDayOf(DelegateExecution execution, ZoneId zone) {
        SubmittedForm message = new SubmittedForm(execution);
        return message.choice("placementEndReason", Enrollment.EndReason.class) == null
                ? message.date("placementEndsAt", zone).minusDays(1) : message.date("placementLastDay", zone);
    }

    /**
     * TRN-02, ENR-02: the family left before the placement was active (message FamilyLeft): a version out for
     * signature is withdrawn (its links revoked) and the case closes; the terminate end cancels the rest.
     */
    @Bean
    JavaDelegate closeAfterFamilyLeft(PlacementLifecycle placements, AgreementDrafting drafting, Clock clock) {
        return execution -> {
            Long caseId = caseIdOf(execution);
            SubmittedForm message = new SubmittedForm(execution);
            drafting.withdrawOutstanding(caseId);
            placements.leaveBeforeActive(caseId, LocalDate.now(clock),
                    message.choice("leavingReason", Enrollment.EndReason.class), message.text("leavingNote"));
        };
    }
}
