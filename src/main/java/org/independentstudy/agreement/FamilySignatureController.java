package org.independentstudy.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import org.independentstudy.agreement.FamilySignatureRecording.FamilySignatureStatement;
import org.independentstudy.agreement.FamilySignatureRecording.RecordedSignature;
import org.independentstudy.agreement.FamilySignatureRecording.SigningStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * AGR-06, AGR-08: the signatures of a case's agreement for staff, and recording a family member's signature
 * given in person or on paper, for families who cannot sign through an e-mailed link. Counselors and teachers,
 * who work the case with the family, record; staff who read cases see.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/agreement")
class FamilySignatureController {

    private final FamilySignatureRecording recording;

    FamilySignatureController(FamilySignatureRecording recording) {
        this.recording = recording;
    }

    /** The current version, its signatures, and who is still to sign (with the guardian ids to record). */
    @GetMapping("/signatures")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER', 'PRINCIPAL', 'SPECIAL_EDUCATION', 'ADMIN')")
    SigningStatus signatures(@PathVariable Long caseId) {
        return recording.statusOfCase(caseId);
    }

    /** The logged-in staff member witnessed the family member sign: 201, or 200 when already on record. */
    @PostMapping(value = "/signatures/in-person", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER')")
    ResponseEntity<RecordedSignature> inPerson(@PathVariable Long caseId,
                                               @RequestBody FamilySignatureStatement statement) {
        return answer(recording.recordInPerson(caseId, statement));
    }

    /** A scanned paper signature (multipart: the PDF as {@code file}, and the statement's fields). */
    @PostMapping(value = "/signatures/paper", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER')")
    ResponseEntity<RecordedSignature> paper(@PathVariable Long caseId,
                                            @RequestParam(required = false) Integer versionNumber,
                                            @RequestParam(required = false) SignerRole signer,
                                            @RequestParam(required = false) Long guardianId,
                                            @RequestParam(required = false)
                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime signedAt,
                                            @RequestPart(required = false) MultipartFile file) {
        FamilySignatureStatement statement = new FamilySignatureStatement(versionNumber, signer, guardianId, signedAt);
        return answer(recording.recordOnPaper(caseId, statement, file == null ? null : file.getOriginalFilename(),
                bytesOf(file)));
    }

    @GetMapping(value = "/paper-signatures/{scanId}", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('COUNSELOR', 'TEACHER', 'PRINCIPAL', 'SPECIAL_EDUCATION', 'ADMIN')")
    ResponseEntity<byte[]> scan(@PathVariable Long caseId, @PathVariable Long scanId) {
        PaperSignatureScan scan = recording.scanOfCase(caseId, scanId);
        return ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"paper-signature-" + scanId + ".pdf\"")
                .header("X-Content-SHA256", scan.getSha256())
                .contentType(MediaType.APPLICATION_PDF)
                .body(scan.getContent());
    }

    private static ResponseEntity<RecordedSignature> answer(RecordedSignature signature) {
        return ResponseEntity.status(signature.newlyRecorded() ? HttpStatus.CREATED : HttpStatus.OK).body(signature);
    }

    private static byte[] bytesOf(MultipartFile file) {
        try {
            return file == null ? null : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded scan", e);
        }
    }
}
