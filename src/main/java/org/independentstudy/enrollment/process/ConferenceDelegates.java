package org.independentstudy.enrollment.process;

import static org.independentstudy.process.CaseVariables.caseIdOf;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.process.SubmittedForm;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ENR-02: the counselor's conference forms, recorded on the case when the task is completed. */
@Configuration
class ConferenceDelegates {

    static final String OUTCOME_HELD = "HELD";

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

    /** A held conference is recorded here; a withdrawal closes the case in {@code recordWithdrawal}. */
    @Bean
    TaskListener conferenceOutcomeRecorded(PreEnrollmentConference conference, DistrictProperties district) {
        ZoneId zone = district.timeZone();
        return task -> {
            SubmittedForm form = new SubmittedForm(task);
            if (OUTCOME_HELD.equals(form.text("conferenceOutcome"))) {
                conference.held(caseIdOf(task.getExecution()), new PreEnrollmentConference.Held(
                        form.date("conferenceHeldOn", zone), form.flag("optionsCovered"),
                        form.flag("curriculumCovered"), form.flag("supportsCovered"), form.text("questionsAsked")));
            }
        };
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
