package org.independentstudy.participation;

import java.io.IOException;
import java.util.List;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.security.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * ATT-09 over REST: the student's teacher uploads a work sample with their notation; the teacher, the school's
 * counselors and principals and the administrators read them. Analysts never see student work.
 */
@RestController
class WorkSampleController {

    private final WorkSamples samples;
    private final Supervisions supervisions;
    private final StaffMemberRepository staff;

    WorkSampleController(WorkSamples samples, Supervisions supervisions, StaffMemberRepository staff) {
        this.samples = samples;
        this.supervisions = supervisions;
        this.staff = staff;
    }

    @PostMapping(path = "/api/cases/{caseId}/work-samples", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('TEACHER')")
    WorkSamples.WorkSample upload(@PathVariable Long caseId, @RequestParam("file") MultipartFile file,
                                  @RequestParam(required = false) String notation,
                                  @RequestParam(required = false) Long assignmentId, Authentication teacher)
            throws IOException {
        return samples.upload(teacher.getName(), caseId, file.getOriginalFilename(), file.getBytes(), notation,
                assignmentId);
    }

    @GetMapping("/api/cases/{caseId}/work-samples")
    @PreAuthorize("hasAnyRole('TEACHER', 'COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    List<WorkSamples.WorkSample> list(@PathVariable Long caseId, Authentication user) {
        List<WorkSamples.WorkSample> found = samples.ofCase(caseId);
        found.stream().findFirst().ifPresent(s -> mayRead(user, s));
        return found.stream().filter(s -> readable(user, s)).toList();
    }

    @GetMapping("/api/work-samples/{id}")
    @PreAuthorize("hasAnyRole('TEACHER', 'COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    ResponseEntity<byte[]> download(@PathVariable Long id, Authentication user) {
        WorkSamples.Content content = samples.content(id);
        mayRead(user, content.sample());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.sample().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.sample().fileName()).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(content.bytes());
    }

    private void mayRead(Authentication user, WorkSamples.WorkSample sample) {
        if (!readable(user, sample)) {
            throw new AccessDeniedException("Work samples are read by the student's teacher, the school's staff and "
                    + "administrators");
        }
    }

    private boolean readable(Authentication user, WorkSamples.WorkSample sample) {
        if (Roles.has(user, Roles.ADMIN)) {
            return true;
        }
        if (Roles.has(user, Roles.TEACHER) && supervisions.isTeacherOf(user.getName(), sample.caseId())) {
            return true;
        }
        return (Roles.has(user, Roles.COUNSELOR) || Roles.has(user, Roles.PRINCIPAL))
                && staff.findByUsername(user.getName()).map(StaffMember::getSchoolId)
                .filter(school -> school.equals(sample.schoolId())).isPresent();
    }
}
