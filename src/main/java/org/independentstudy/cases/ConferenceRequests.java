package org.independentstudy.cases;

import org.independentstudy.agreement.AgreementDrafting;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.records.CaseRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ENR-02: the parent asks for a pre-enrollment conference after intake, as a counselor records it through the case
 * API or Tasklist. Recorded on the case, whose process then schedules it; signing of an agreement out for
 * signature is put on hold until it is held or withdrawn; refused once the family has signed. All or nothing.
 */
@Service
public class ConferenceRequests {

    private final PreEnrollmentConference conference;
    private final AgreementDrafting agreements;
    private final OpenCases openCases;
    private final CaseRecord caseRecord;

    ConferenceRequests(PreEnrollmentConference conference, AgreementDrafting agreements, OpenCases openCases,
                       CaseRecord caseRecord) {
        this.conference = conference;
        this.agreements = agreements;
        this.openCases = openCases;
        this.caseRecord = caseRecord;
    }

    @Transactional
    public void request(Long caseId, PreEnrollmentConference.Request request) {
        conference.requestedLater(caseId, request);
        agreements.holdForConference(caseId);
    }

    /** The counselor names the student (Tasklist); the request goes to the student's one open case. */
    @Transactional
    public Long requestForStudent(String student, PreEnrollmentConference.Request request) {
        Long caseId = openCases.ofStudent(student, "to ask a conference for (ENR-02)");
        request(caseId, request);
        return caseId;
    }
}
