package org.independentstudy.enrollment.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.process.ProcessMessages;
import org.independentstudy.process.SubmittedForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ENR-02: the counselor's conference forms, recorded on the case when the task is completed. */
@Configuration
class ConferenceDelegates {

    static final String CONFERENCE_SETTLED = "PreEnrollmentConferenceSettled";

    @Bean
    TaskListener conferenceScheduled(PreEnrollmentConference conference, DistrictProperties district) {
        ZoneId zone = district.timeZone();
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            conference.scheduled(caseIdOf(task.getExecution()), new PreEnrollmentConference.Schedule(
                    form.choice("conferenceModality", ConferenceModality.class), form.date("conferenceDate", zone),
                    form.text("conferenceAttendees"), form.text("conferenceAdvocate")));
        };
    }

    /** Held or withdrawn by the parent: either settles the conference, and the case goes on. */
    @Bean
    TaskListener conferenceOutcomeRecorded(PreEnrollmentConference conference, DistrictProperties district) {
        ZoneId zone = district.timeZone();
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            Long caseId = caseIdOf(task.getExecution());
            switch (String.valueOf(form.text("conferenceOutcome"))) {
                case "HELD" -> conference.held(caseId, new PreEnrollmentConference.Held(
                        form.date("conferenceHeldOn", zone), form.flag("optionsCovered"),
                        form.flag("curriculumCovered"), form.flag("supportsCovered"), form.text("questionsAsked"),
                        form.flag("advocateAttended"), form.text("conferenceAdvocate")));
                case "WITHDRAWN" -> conference.withdrawn(caseId, form.text("withdrawalNote"));
                default -> throw InvalidRequestException.field("conferenceOutcome", "HELD or WITHDRAWN");
            }
        };
    }

    /** The agreement waiting for the conference (awaitPreEnrollmentConference) goes back to its drafter. */
    @Bean
    JavaDelegate announceConferenceSettled(RuntimeService runtime) {
        return execution -> ProcessMessages.deliver(runtime.createMessageCorrelation(CONFERENCE_SETTLED)
                .processInstanceBusinessKey(execution.getProcessBusinessKey()));
    }

    @Bean
    TaskListener conferenceFollowUpRecorded(PreEnrollmentConference conference) {
        return task -> conference.followedUp(caseIdOf(task.getExecution()), new SubmittedForm(task).text("followUpNote"));
    }

    @Bean
    JavaDelegate recordSchedulingOverdue(PreEnrollmentConference conference) {
        return execution -> conference.schedulingOverdue(caseIdOf(execution),
                ((Number) execution.getVariable("conferenceSchedulingSchoolDays")).intValue());
    }
}
