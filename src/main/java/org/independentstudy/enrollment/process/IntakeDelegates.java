package org.independentstudy.enrollment.process;

import static org.independentstudy.process.CaseVariables.CASE_ID;

import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.FamilyRequest.ReceivedVia;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;
import org.independentstudy.enrollment.FamilyRequests;
import org.independentstudy.enrollment.RegisteredRequest;
import org.independentstudy.enrollment.ResourceNeeds;
import org.independentstudy.process.SubmittedForm;
import org.independentstudy.records.CaseRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The first step of every case (ENR-01). */
@Configuration
class IntakeDelegates {

    /**
     * A case started from the REST API arrives registered (with {@code caseId}); one started from the Tasklist start
     * form is checked and registered here by the same service, and a bad request fails the start, so nothing is
     * created.
     */
    @Bean
    JavaDelegate registerFamilyRequest(FamilyRequests familyRequests, CaseRecord caseRecord,
                                       DistrictProperties district) {
        ZoneId zone = district.timeZone();
        return execution -> {
            Long caseId = (Long) execution.getVariable(CASE_ID);
            RegisteredRequest registered = caseId != null ? familyRequests.registered(caseId)
                    : familyRequests.register(fromStartForm(new SubmittedForm(execution), zone));
            execution.setProcessBusinessKey(registered.caseId().toString());
            caseRecord.attachProcess(registered.caseId(), execution.getProcessInstanceId());
            execution.setVariable(CASE_ID, registered.caseId());
            execution.setVariable("studentHasIep", registered.studentHasIep());
        };
    }

    /** The start form forms/family-request.form, read as the REST API's request. */
    private static FamilyRequest fromStartForm(SubmittedForm form, ZoneId zone) {
        return new FamilyRequest(form.text("student"), form.number("requesterGuardianId"),
                form.flag("requestedByStudent"), form.choice("receivedVia", ReceivedVia.class),
                form.date("receivedOn", zone), form.text("reason"), form.date("requestedStart", zone),
                form.date("projectedEnd", zone), form.choice("preferredPlacement", PreferredPlacement.class),
                form.flag("conferenceRequested"), form.choice("conferenceModality", ConferenceModality.class),
                form.flag("advocateRequested"), new ResourceNeeds(form.flag("needsDevice"),
                form.flag("needsInternetAccess"), form.text("otherResourceNeeds")),
                form.text("section504PlanReference"), form.choice("suspensionReferral", SuspensionReferral.class),
                form.flag("classroomAlternativeOffered"), form.flag("medicalTreatment"),
                form.text("medicalEvidence"));
    }
}
