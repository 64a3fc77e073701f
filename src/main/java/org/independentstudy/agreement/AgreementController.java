package org.independentstudy.agreement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.independentstudy.errors.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The case's written agreement for staff: the printable PDF, and asking for a revision (AGR-08). */
@RestController
class AgreementController {

    private final AgreementDrafting drafting;
    private final AgreementDocument document;

    AgreementController(AgreementDrafting drafting, AgreementDocument document) {
        this.drafting = drafting;
        this.document = document;
    }

    record RevisionRequest(@NotBlank String reason) {
    }

    @GetMapping(value = "/api/cases/{caseId}/agreement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER', 'PRINCIPAL', 'SPECIAL_EDUCATION', 'ADMIN')")
    ResponseEntity<byte[]> pdf(@PathVariable Long caseId) {
        AgreementVersion version = currentVersion(caseId);
        return ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"agreement-case-" + caseId + "-v"
                        + version.getVersionNumber() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(document.renderPdf(version.getId()));
    }

    /** AGR-08: the agreement out for signature goes back to drafting; signatures given so far stay on record. */
    @PostMapping("/api/cases/{caseId}/agreement/revision")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER')")
    ResponseEntity<Void> requestRevision(@PathVariable Long caseId, @Valid @RequestBody RevisionRequest request) {
        drafting.reopenForRevision(currentVersion(caseId).getId(), request.reason());
        return ResponseEntity.noContent().build();
    }

    private AgreementVersion currentVersion(Long caseId) {
        return drafting.currentVersionOfCase(caseId)
                .orElseThrow(() -> new NotFoundException("Case " + caseId + " has no written agreement yet"));
    }
}
