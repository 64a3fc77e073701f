package org.independentstudy.participation;

import java.util.List;
import org.independentstudy.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ATT-01 over REST: many students and days in one call, all or nothing. A teacher records for the students they
 * supervise; an administrator loads the district's records for any supervised placement.
 */
@RestController
@RequestMapping("/api/participation")
class ParticipationController {

    private final ParticipationRecording recording;

    ParticipationController(ParticipationRecording recording) {
        this.recording = recording;
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
}
