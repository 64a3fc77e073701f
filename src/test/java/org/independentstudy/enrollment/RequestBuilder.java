package org.independentstudy.enrollment;

import java.time.LocalDate;
import org.independentstudy.enrollment.FamilyRequest.ConferenceModality;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.enrollment.FamilyRequest.ReceivedVia;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;

/** A valid family request by default (a parent, by phone, four weeks of fall 2026); tests change what they need. */
public final class RequestBuilder {

    String student;
    Long guardianId;
    boolean byStudent;
    LocalDate receivedOn = LocalDate.of(2026, 9, 1);
    LocalDate start = LocalDate.of(2026, 9, 14);
    LocalDate end = LocalDate.of(2026, 10, 9);
    PreferredPlacement placement = PreferredPlacement.LONG_TERM;
    boolean conference;
    boolean advocate;
    ResourceNeeds needs = ResourceNeeds.NONE;
    String plan504;
    SuspensionReferral referral = SuspensionReferral.NONE;
    boolean alternativeOffered;
    boolean medical;
    String evidence;

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

    public FamilyRequest build() {
        return new FamilyRequest(student, guardianId, byStudent, ReceivedVia.PHONE, receivedOn,
                "Family travel for a medical appointment out of state", start, end, placement, conference,
                conference ? ConferenceModality.VIDEOCONFERENCE : null, advocate, needs, plan504, referral,
                alternativeOffered, medical, evidence);
    }
}
