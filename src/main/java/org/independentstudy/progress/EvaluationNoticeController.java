package org.independentstudy.progress;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ATT-07: the printable notice of a formal evaluation, for the family members staff mail it to. */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationNoticeController {

    private final EvaluationNotices notices;

    EvaluationNoticeController(EvaluationNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/{id}/notice.pdf")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER', 'PRINCIPAL', 'ADMIN')")
    ResponseEntity<byte[]> notice(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("evaluation-notice-" + id + ".pdf").build().toString())
                .body(notices.letterPdf(id));
    }
}
