package org.independentstudy.progress.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.process.ProcessMessages;
import org.independentstudy.process.SubmittedForm;
import org.independentstudy.process.TaskCompleter;
import org.independentstudy.progress.EvaluationNoticeProcesses;
import org.independentstudy.progress.EvaluationNotices;
import org.independentstudy.progress.EvaluationOutcome;
import org.independentstudy.progress.ProgressEvaluations;
import org.independentstudy.progress.ProgressEvaluations.MonthToEvaluate;
import org.independentstudy.progress.ProgressIndicators;
import org.independentstudy.progress.ProgressJudgement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the process {@code progress-evaluation} (ATT-06..08). */
@Configuration
class ProgressEvaluationDelegates {

    private static final String EVALUATION_ID = "evaluationId";
    private static final String LETTERS_TO_PRINT = "lettersToPrint";

    /** The month to evaluate next and when its timer fires: the end of its last school day. */
    @Bean
    JavaDelegate planNextEvaluation(ProgressEvaluations evaluations, SchoolCalendar calendar) {
        return execution -> {
            String previous = (String) execution.getVariable("monthLastDay");
            Optional<MonthToEvaluate> next = evaluations.nextMonth(caseIdOf(execution),
                    previous == null ? null : LocalDate.parse(previous));
            execution.setVariable("monthLeft", next.isPresent());
            next.ifPresent(month -> {
                execution.setVariable("schoolYear", month.schoolYear());
                execution.setVariable("schoolMonth", month.number());
                execution.setVariable("monthFirstDay", month.firstDay().toString());
                execution.setVariable("monthLastDay", month.lastDay().toString());
                execution.setVariable("supervisingTeacher", month.teacher());
                execution.setVariable("evaluationDueAt", calendar.endOfSchoolDay(month.lastDay()));
            });
        };
    }

    /** ATT-06: the month's data, shown on the teacher's form. */
    @Bean
    JavaDelegate gatherProgressIndicators(ProgressEvaluations evaluations) {
        return execution -> {
            MonthToEvaluate month = monthOf(execution);
            ProgressIndicators data = evaluations.indicatorsOf(caseIdOf(execution), month.firstDay(), month.lastDay());
            execution.setVariable("assignmentsCompleted", data.assignmentsCompleted());
            execution.setVariable("assignmentsMissed", data.assignmentsMissed());
            execution.setVariable("missedAssignmentsForEvaluation", data.missedAssignmentsForEvaluation());
            execution.setVariable("participatoryDays", data.participatoryDays());
            execution.setVariable("nonparticipatoryDays", data.nonparticipatoryDays());
            execution.setVariable("registerDays", data.registerDays().toPlainString());
        };
    }

    /** ATT-06, ATT-07, ATT-08: the teacher's judgement is recorded when the task is completed. */
    @Bean
    TaskListener recordMonthlyEvaluation(ProgressEvaluations evaluations, IdentityService identityService) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            ProgressEvaluations.Recorded recorded = evaluations.record(caseIdOf(task.getExecution()),
                    monthOf(task.getExecution()), TaskCompleter.of(task, identityService), new ProgressJudgement(
                            form.flag("achievementAndEngagement"), form.flag("assignmentsAndAssessments"),
                            form.flag("conceptsLearned"), form.flag("progressTowardCompletion"),
                            form.text("evaluationNotes")));
            task.getExecution().setVariable("evaluationId", recorded.evaluationId());
            task.getExecution().setVariable("formalEvaluation", recorded.formalEvaluation());
        };
    }

    /** ATT-07: the notice to the student and, under 18, the parents. */
    @Bean
    JavaDelegate notifyFamilyOfEvaluation(EvaluationNotices notices) {
        return execution -> {
            EvaluationNotices.Delivery delivery = notices.notifyFamily((Long) execution.getVariable(EVALUATION_ID));
            execution.setVariable("evaluationMailQueued", delivery.mailQueued());
            execution.setVariable(LETTERS_TO_PRINT, delivery.lettersToPrint());
        };
    }

    /** ATT-07, issue 13.4: the notice's e-mails were taken or given up; the process waiting for them goes on. */
    @Bean
    EvaluationNoticeProcesses evaluationNoticeProcesses(RuntimeService runtime) {
        return (evaluationId, lettersToPrint) -> ProcessMessages.deliver(runtime
                .createMessageCorrelation("EvaluationNoticeMailSettled")
                .processInstanceVariableEquals(EVALUATION_ID, evaluationId)
                .setVariable(LETTERS_TO_PRINT, lettersToPrint));
    }

    /** ATT-07: the formal evaluation's outcome, recorded when the task is completed. */
    @Bean
    TaskListener recordEvaluationOutcome(ProgressEvaluations evaluations, IdentityService identityService) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            evaluations.recordOutcome((Long) task.getExecution().getVariable("evaluationId"),
                    form.choice("evaluationOutcome", EvaluationOutcome.class), TaskCompleter.of(task, identityService),
                    form.text("outcomeNotes"));
        };
    }

    /** ATT-07: a counselor's follow-up of the evaluation, with what was done, goes on the case record. */
    @Bean
    TaskListener recordEvaluationFollowUp(ProgressEvaluations evaluations, IdentityService identityService) {
        return task -> evaluations.recordFollowUp(caseIdOf(task.getExecution()), task.getName(),
                TaskCompleter.of(task, identityService), new SubmittedForm(task).text("followUpNote"));
    }

    private static MonthToEvaluate monthOf(DelegateExecution execution) {
        return new MonthToEvaluate((String) execution.getVariable("schoolYear"),
                (Integer) execution.getVariable("schoolMonth"),
                LocalDate.parse((String) execution.getVariable("monthFirstDay")),
                LocalDate.parse((String) execution.getVariable("monthLastDay")),
                (String) execution.getVariable("supervisingTeacher"));
    }
}
