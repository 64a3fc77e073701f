package org.independentstudy.reengagement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.security.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REE-01..10 over HTTP: the sweep on demand and its report (administrators), agreement violations (the student's
 * teachers), the principals' overview, and the printable parent notice (REE-06).
 */
@RestController
class ReengagementController {

    private final ReengagementSweep sweep;
    private final AgreementViolations violations;
    private final ReengagementOverview overview;
    private final ParentNotices notices;
    private final StaffMemberRepository staff;
    private final Clock clock;
    private final ZoneId districtZone;

    ReengagementController(ReengagementSweep sweep, AgreementViolations violations, ReengagementOverview overview,
                           ParentNotices notices, StaffMemberRepository staff, Clock clock, SchoolCalendar calendar) {
        this.clock = clock;
        this.districtZone = calendar.districtZone();
        this.sweep = sweep;
        this.violations = violations;
        this.overview = overview;
        this.notices = notices;
        this.staff = staff;
    }

    record SweepRequest(LocalDate schoolDay) {
    }

    /** REE-01..04: an administrator runs the sweep of a school day now; a second run adds nothing. */
    @PostMapping("/api/reengagement/sweeps")
    @PreAuthorize("hasRole('ADMIN')")
    ReengagementSweep.SweepReport runSweep(@RequestBody SweepRequest request, Authentication user) {
        if (request == null || request.schoolDay() == null) {
            throw InvalidRequestException.field("schoolDay", "required: the school day to sweep (YYYY-MM-DD)");
        }
        if (request.schoolDay().isAfter(LocalDate.now(clock.withZone(districtZone)))) {
            throw InvalidRequestException.field("schoolDay", "a day that has not ended cannot be swept");
        }
        try {
            return sweep.sweep(request.schoolDay(), user.getName());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("schoolDay", e.getMessage());
        }
    }

    @GetMapping("/api/reengagement/sweeps/{day}")
    @PreAuthorize("hasAnyRole('ADMIN', 'PRINCIPAL')")
    ReengagementSweep.SweepReport sweepReport(@PathVariable LocalDate day) {
        return sweep.report(day).orElseThrow(() -> new NotFoundException("No sweep ran after " + day));
    }

    /** REE-03: the supervising teacher records a violation of the written agreement. */
    @PostMapping("/api/cases/{caseId}/agreement-violations")
    @PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> recordViolation(@PathVariable Long caseId, @RequestBody AgreementViolations.ViolationRequest request,
                                      Authentication user) {
        String teacher = Roles.has(user, Roles.ADMIN) ? null : user.getName();
        return Map.of("id", violations.record(caseId, teacher, request));
    }

    /** Principals see their school; counselors theirs; administrators the district or one school. */
    @GetMapping("/api/reengagement/overview")
    @PreAuthorize("hasAnyRole('PRINCIPAL', 'COUNSELOR', 'ADMIN')")
    List<ReengagementOverview.OpenReengagement> overview(@RequestParam(required = false) Long school,
                                                         Authentication user) {
        if (Roles.has(user, Roles.ADMIN)) {
            return overview.open(school);
        }
        Long own = staff.findByUsername(user.getName()).map(StaffMember::getSchoolId).orElse(null);
        if (own == null || (school != null && !school.equals(own))) {
            throw InvalidRequestException.field("school", "you see the re-engagements of your own school only");
        }
        return overview.open(own);
    }

    /** REE-06: the notice as a printable letter in the family's language. */
    @GetMapping("/api/parent-notices/{id}/letter.pdf")
    @PreAuthorize("hasAnyRole('COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    ResponseEntity<byte[]> letter(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("parent-notice-" + id + ".pdf").build().toString())
                .body(notices.letterPdf(id));
    }
}
