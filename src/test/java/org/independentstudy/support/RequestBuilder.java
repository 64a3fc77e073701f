package org.independentstudy.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.FamilyRequest.ReceivedVia;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.ResourceNeeds;

/** A valid family request by default (a parent, by phone, four weeks of fall 2026); tests change what they need. */
public final class RequestBuilder {

    private static final String REASON = "Family travel for a medical appointment out of state";

    public String student;
    public Long guardianId;
    public boolean byStudent;
    public LocalDate receivedOn = LocalDate.of(2026, 9, 1);
    public LocalDate start = LocalDate.of(2026, 9, 14);
    public LocalDate end = LocalDate.of(2026, 10, 9);
    public PreferredPlacement placement = PreferredPlacement.LONG_TERM;
    public boolean conference;
    public boolean advocate;
    public ResourceNeeds needs = ResourceNeeds.NONE;
    public String plan504;
    public SuspensionReferral referral = SuspensionReferral.NONE;
    public boolean alternativeOffered;
    public boolean medical;
    public String evidence;

    public static RequestBuilder forStudent(String student, Long guardianId) {
        RequestBuilder builder = new RequestBuilder();
        builder.student = student;
        builder.guardianId = guardianId;
        return builder;
    }

    public RequestBuilder dates(LocalDate start, LocalDate end) {
        this.start = start;
        this.end = end;
        return this;
    }

    public RequestBuilder withConference(boolean advocate) {
        this.conference = true;
        this.advocate = advocate;
        return this;
    }

    /** What a counselor enters in Tasklist's start form: flat keys, dates and choices as text. */
    public Map<String, Object> asStartForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("student", student);
        form.put("requesterGuardianId", guardianId);
        form.put("requestedByStudent", byStudent);
        form.put("receivedVia", "PHONE");
        form.put("receivedOn", receivedOn.toString());
        form.put("reason", REASON);
        form.put("requestedStart", start.toString());
        form.put("projectedEnd", end.toString());
        form.put("preferredPlacement", placement.name());
        form.put("conferenceRequested", conference);
        form.put("advocateRequested", advocate);
        form.put("section504PlanReference", plan504);
        return form;
    }

    public FamilyRequest build() {
        return new FamilyRequest(student, guardianId, byStudent, ReceivedVia.PHONE, receivedOn,
                REASON, start, end, placement, conference,
                conference ? ConferenceModality.VIDEOCONFERENCE : null, advocate, needs, plan504, referral,
                alternativeOffered, medical, evidence);
    }
}
