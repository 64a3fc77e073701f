package org.independentstudy.cases;

import java.net.URI;
import java.util.List;
import org.independentstudy.enrollment.FamilyRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases: a counselor enters the family's request; staff (not analysts) read cases. */
@RestController
@RequestMapping("/api/cases")
class CasesController {

    private static final String STAFF = "hasAnyRole('COUNSELOR', 'PRINCIPAL', 'TEACHER', 'SPECIAL_EDUCATION', 'ADMIN')";

    private final CaseIntake intake;
    private final CaseViews views;

    CasesController(CaseIntake intake, CaseViews views) {
        this.intake = intake;
        this.views = views;
    }

    // ENR-01: staff record the family's request; no staff action assigns a student on its own
    @PostMapping
    @PreAuthorize("hasAnyRole('COUNSELOR', 'ADMIN')")
    ResponseEntity<CaseView> receive(@RequestBody FamilyRequest request) {
        Long caseId = intake.receive(request);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).body(views.view(caseId));
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
}
