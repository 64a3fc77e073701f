package org.independentstudy.cases;

import java.net.URI;
import java.util.List;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.enrollment.PreEnrollmentConference;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseEvent;
import org.independentstudy.records.CaseRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases: a counselor enters the family's request and a parent's later conference request; staff (not analysts) read cases. */
@RestController
@RequestMapping("/api/cases")
class CasesController {

    private static final String STAFF = "hasAnyRole('COUNSELOR', 'PRINCIPAL', 'TEACHER', 'SPECIAL_EDUCATION', 'ADMIN')";
    /** A correction is a timeline entry: its description holds this many characters. */
    private static final int MAX_NOTE = 2000;

    private final CaseIntake intake;
    private final ConferenceRequests conferenceRequests;
    private final CaseViews views;

    private final CaseRecord caseRecord;

    CasesController(CaseIntake intake, ConferenceRequests conferenceRequests, CaseViews views, CaseRecord caseRecord) {
        this.caseRecord = caseRecord;
        this.intake = intake;
        this.conferenceRequests = conferenceRequests;
        this.views = views;
    }

    // ENR-01: staff record the family's request; no staff action assigns a student on its own
    @PostMapping
    @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
    ResponseEntity<CaseView> receive(@RequestBody FamilyRequest request) {
        Long caseId = intake.receive(request);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(views.view(caseId));
    }

    // ENR-02: the parent may ask for the pre-enrollment conference at any point before signing
    @PostMapping("/{id}/conference-request")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
    CaseView requestConference(@PathVariable Long id, @RequestBody PreEnrollmentConference.Request request) {
        conferenceRequests.request(id, request);
        return views.view(id);
    }

    @GetMapping("/{id}")
    @PreAuthorize(STAFF)
    CaseView view(@PathVariable Long id) {
        return views.view(id);
    }

    @GetMapping
    @PreAuthorize(STAFF)
    List<CaseView.Summary> ofStudent(@RequestParam String student) {
        return views.ofStudent(student);
    }

    record Correction(String note) {
    }

    /** REC-07, TRN-04: a correction is a new timeline entry, also on a closed case, whose record is read-only. */
    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER', 'PRINCIPAL', 'ADMIN')")
    CaseView correct(@PathVariable Long id, @RequestBody(required = false) Correction correction) {
        if (correction == null || correction.note() == null || correction.note().isBlank()) {
            throw InvalidRequestException.rule("REC-07", "note", "what is corrected, and why");
        }
        if (correction.note().strip().length() > MAX_NOTE) {
            throw InvalidRequestException.rule("REC-07", "note", "at most " + MAX_NOTE + " characters");
        }
        caseRecord.append(id, CaseEvent.underRule("REC-07", "correctionAdded", correction.note().strip()));
        return views.view(id);
    }
}
