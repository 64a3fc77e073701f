package org.independentstudy.enrollment.process;

import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.FamilyRequest.ReceivedVia;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.FamilyRequests;
import org.independentstudy.enrollment.RegisteredRequest;
import org.independentstudy.enrollment.ResourceNeeds;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.process.SubmittedForm;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Component;

/**
 * ENR-01: the first step of every case. A case started from the REST API arrives registered (with
 * {@code caseId}); one started from the Tasklist start form is checked and registered here by the same service,
 * and a bad request fails the start, so nothing is created.
 */
@Component("registerFamilyRequest")
class RegisterFamilyRequestDelegate implements JavaDelegate {

    private final FamilyRequests familyRequests;
    private final CaseRecord caseRecord;
    private final ZoneId zone;

    RegisterFamilyRequestDelegate(FamilyRequests familyRequests, CaseRecord caseRecord, DistrictProperties district) {
        this.familyRequests = familyRequests;
        this.caseRecord = caseRecord;
        this.zone = district.timeZone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long caseId = (Long) execution.getVariable(CaseVariables.CASE_ID);
        RegisteredRequest registered = caseId != null ? familyRequests.registered(caseId)
                : familyRequests.register(fromStartForm(new SubmittedForm(execution)));
        execution.setProcessBusinessKey(registered.caseId().toString());
        caseRecord.attachProcess(registered.caseId(), execution.getProcessInstanceId());
        execution.setVariable(CaseVariables.CASE_ID, registered.caseId());
        execution.setVariable("requestDate", Date.from(registered.requestDate().atStartOfDay(zone).toInstant()));
        execution.setVariable("conferenceRequested", registered.conferenceRequested());
        execution.setVariable("studentHasIep", registered.studentHasIep());
        execution.setVariable("conferenceSchedulingSchoolDays", registered.conferenceSchedulingSchoolDays());
    }

    private FamilyRequest fromStartForm(SubmittedForm form) {
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
