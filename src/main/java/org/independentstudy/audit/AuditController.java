package org.independentstudy.audit;

import java.util.List;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.security.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's downloads. Principals export the students of their school, administrators every student; nobody
 * else (analysts see no student data). Each export is recorded first (FERPA's record of disclosures).
 */
@RestController
class AuditController {

    private final AuditBundles bundles;
    private final RecordDisclosures disclosures;
    private final StaffMemberRepository staff;

    AuditController(AuditBundles bundles, RecordDisclosures disclosures, StaffMemberRepository staff) {
        this.bundles = bundles;
        this.disclosures = disclosures;
        this.staff = staff;
    }

    @GetMapping("/api/students/{number}/audit-bundle.zip")
    @PreAuthorize("hasAnyRole('PRINCIPAL', 'ADMIN')")
    ResponseEntity<byte[]> bundle(@PathVariable String number, Authentication user) {
        AuditBundles.StudentRef student = visible(number, user);
        byte[] zip = bundles.bundle(student);
        disclosures.record(user.getName(), "AUDIT_BUNDLE", "student " + student.number(), List.of(student.id()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("audit-" + student.number() + ".zip").build().toString())
                .body(zip);
    }

    /** Who exported this student's records, when, and what. */
    @GetMapping("/api/students/{number}/disclosures")
    @PreAuthorize("hasAnyRole('PRINCIPAL', 'ADMIN')")
    List<RecordDisclosures.Disclosure> disclosuresOf(@PathVariable String number, Authentication user) {
        return disclosures.ofStudent(visible(number, user).id());
    }

    /** A principal's own school only; another school's student is answered as if absent. */
    private AuditBundles.StudentRef visible(String number, Authentication user) {
        AuditBundles.StudentRef student = bundles.student(number);
        if (!Roles.has(user, Roles.ADMIN)) {
            Long own = staff.findByUsername(user.getName()).map(StaffMember::getSchoolId).orElse(null);
            if (!student.schoolId().equals(own)) {
                throw new NotFoundException("No student " + number + " in your school");
            }
        }
        return student;
    }
}
