package org.independentstudy.participation;

import java.io.IOException;
import java.util.List;
import org.independentstudy.security.Roles;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * ATT-01 over REST: many students and days in one call, all or nothing. A teacher records for the students they
 * supervise; an administrator loads the district's records for any supervised placement.
 */
@RestController
@RequestMapping("/api/participation")
class ParticipationController {

    private final ParticipationRecording recording;
    private final ParticipationImports imports;

    ParticipationController(ParticipationRecording recording, ParticipationImports imports) {
        this.recording = recording;
        this.imports = imports;
    }

    record Days(List<ParticipationEntry> entries) {
    }

    @PostMapping("/days")
    @PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
    RecordedDays record(@RequestBody Days days, Authentication user) {
        List<ParticipationEntry> entries = days == null ? null : days.entries();
        return Roles.has(user, Roles.ADMIN) ? recording.recordForDistrict(user.getName(), entries)
                : recording.record(user.getName(), entries);
    }

    /** A Zoom or Teams participant report: suggestions only, nothing recorded yet. */
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('TEACHER')")
    ParticipationImports.Imported importReport(@RequestParam("file") MultipartFile file, Authentication teacher)
            throws IOException {
        return imports.importReport(teacher.getName(), file.getOriginalFilename(), file.getBytes());
    }

    record Confirmation(List<ParticipationImports.Correction> corrections) {
    }

    /** The teacher of record confirms the import's suggestions, as they are or corrected. */
    @PostMapping("/imports/{id}/confirmation")
    @PreAuthorize("hasRole('TEACHER')")
    ParticipationImports.Imported confirm(@PathVariable Long id, @RequestBody(required = false) Confirmation body,
                                          Authentication teacher) {
        return imports.confirm(teacher.getName(), id, body == null ? null : body.corrections());
    }
}
