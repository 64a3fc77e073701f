package org.independentstudy.participation;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** ATT-05 over REST: a teacher's assignments in bulk; AGR-10: a principal's approval of a longer period. */
@RestController
@RequestMapping("/api/assignments")
class AssignmentController {

    private final Assignments assignments;

    AssignmentController(Assignments assignments) {
        this.assignments = assignments;
    }

    record Batch(List<AssignmentEntry> assignments) {
    }

    record Recorded(List<Long> ids) {
    }

    record Approval(String reason) {
    }

    @PostMapping
    @PreAuthorize("hasRole('TEACHER')")
    Recorded record(@RequestBody Batch batch, Authentication teacher) {
        return new Recorded(assignments.record(teacher.getName(), batch == null ? null : batch.assignments()));
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasAnyRole('PRINCIPAL', 'ADMIN')")
    AssignmentView approve(@PathVariable Long id, @RequestBody Approval approval, Authentication principal) {
        return assignments.approve(id, principal.getName(), approval == null ? null : approval.reason());
    }
}
