package org.independentstudy.transition.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.process.SubmittedForm;
import org.independentstudy.process.TaskCompleter;
import org.independentstudy.transition.ReturnDeadline;
import org.independentstudy.transition.ReturnsToClassroom;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of the process {@code return-to-classroom} (TRN-01, TRN-03). */
@Configuration
class ReturnDelegates {

    /** TRN-01: the request on record with its deadline; the timers read returnWarnAt and returnDeadlineAt. */
    @Bean
    JavaDelegate planReturnToClassroom(ReturnsToClassroom returns, SchoolCalendar calendar, Clock clock,
                                       DistrictProperties district) {
        return execution -> {
            SubmittedForm request = new SubmittedForm(execution);
            LocalDate requestedOn = request.date("returnRequestedOn", district.timeZone());
            if (requestedOn == null) {
                requestedOn = LocalDate.now(clock);
                execution.setVariable("returnRequestedOn", requestedOn.toString());
            }
            ReturnDeadline deadline = returns.plan(caseIdOf(execution), requestedOn, request.text("returnRequestedBy"));
            execution.setVariable("legalReturnDeadline", deadline.applies());
            if (deadline.applies()) {
                execution.setVariable("returnDeadline", deadline.lastDay().toString());
                execution.setVariable("returnWarnAt", calendar.endOfSchoolDay(deadline.warnOn()));
                execution.setVariable("returnDeadlineAt", calendar.endOfSchoolDay(deadline.lastDay()));
            }
        };
    }

    /** TRN-01: the school site placement; the placement's last day is the day before the first day in class. */
    @Bean
    TaskListener recordPlacementInClassroom(ReturnsToClassroom returns, DistrictProperties district) {
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            String deadline = (String) task.getExecution().getVariable("returnDeadline");
            LocalDate lastDay = returns.placedInClass(caseIdOf(task.getExecution()),
                    form.date("returnRequestedOn", district.timeZone()), form.date("firstDayInClass", district.timeZone()),
                    form.text("classSchedule"), form.text("classroomTeacher"),
                    deadline == null ? null : LocalDate.parse(deadline));
            task.getExecution().setVariable("placementLastDay", lastDay.toString());
            task.getExecution().setVariable("placementEndReason", "RETURNED_TO_IN_PERSON");
        };
    }

    /** TRN-01: what a counselor or principal did in a step of the return goes on the case record. */
    @Bean
    TaskListener recordReturnStep(ReturnsToClassroom returns, IdentityService identityService) {
        return task -> returns.recordStep(caseIdOf(task.getExecution()), task.getName(),
                TaskCompleter.of(task, identityService), new SubmittedForm(task).text("returnStepNote"));
    }
}
