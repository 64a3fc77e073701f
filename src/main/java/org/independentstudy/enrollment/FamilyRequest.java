package org.independentstudy.enrollment;

import java.time.LocalDate;

/**
 * The family's request for independent study as staff received it (ENR-01), from the REST API or the
 * Tasklist start form; checked by {@link FamilyRequestCheck} before anything is written.
 *
 * @param student              the student's id or student number
 * @param requesterGuardianId  the parent, guardian or caregiver asking; null when the student asks for themself
 * @param requestedByStudent   the student asks for themself (only when 18 or older on the request date)
 * @param receivedOn           the request date; today when not given
 */
public record FamilyRequest(String student, Long requesterGuardianId, boolean requestedByStudent,
                            ReceivedVia receivedVia, LocalDate receivedOn, String reason,
                            LocalDate requestedStart, LocalDate projectedEnd, PreferredPlacement preferredPlacement,
                            boolean conferenceRequested, ConferenceModality conferenceModality,
                            boolean advocateRequested, ResourceNeeds resourceNeeds, String section504PlanReference,
                            SuspensionReferral suspensionReferral, boolean classroomAlternativeOffered,
                            boolean medicalTreatment, String medicalEvidence) {

    public enum ReceivedVia { PHONE, EMAIL, IN_PERSON, LETTER }

    public enum PreferredPlacement { SHORT_TERM, LONG_TERM, COURSE_BASED }

    public enum ConferenceModality { TELEPHONE, VIDEOCONFERENCE, IN_PERSON }

    /** ENR-05: referred as suspended or expelled under EC 48915 or 48917. */
    public enum SuspensionReferral { NONE, EC_48915, EC_48917 }

    public FamilyRequest {
        resourceNeeds = resourceNeeds == null ? ResourceNeeds.NONE : resourceNeeds;
        suspensionReferral = suspensionReferral == null ? SuspensionReferral.NONE : suspensionReferral;
    }
}
