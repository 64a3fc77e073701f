package org.independentstudy.participation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.people.StaffMember;
import org.independentstudy.people.StaffMemberRepository;
import org.independentstudy.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ATT-02: the gap report over a date range. A teacher sees their own students; counselors and principals their
 * school; administrators the district or one school. Analysts see no student data.
 */
@RestController
@RequestMapping("/api/participation/gaps")
class RequirementGapController {

    /** One report covers at most a school year's span of dates. */
    private static final long MAX_DAYS = 366;

    private final RequirementGaps gaps;
    private final StaffMemberRepository staff;

    RequirementGapController(RequirementGaps gaps, StaffMemberRepository staff) {
        this.gaps = gaps;
        this.staff = staff;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('TEACHER', 'COUNSELOR', 'PRINCIPAL', 'ADMIN')")
    List<RequirementGap> between(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                 @RequestParam(required = false) Long school, Authentication user) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw InvalidRequestException.field("to", "on or after from, and at most " + MAX_DAYS + " days later");
        }
        return gaps.between(from, to, scopeOf(user, school));
    }

    private RequirementGaps.Scope scopeOf(Authentication user, Long school) {
        if (Roles.has(user, Roles.ADMIN)) {
            return school == null ? RequirementGaps.Scope.DISTRICT : RequirementGaps.Scope.school(school);
        }
        if (Roles.has(user, Roles.TEACHER)) {
            return RequirementGaps.Scope.teacher(user.getName());
        }
        Long own = staff.findByUsername(user.getName()).map(StaffMember::getSchoolId).orElse(null);
        if (own == null || (school != null && !school.equals(own))) {
            throw InvalidRequestException.field("school", "you see the placements of your own school only");
        }
        return RequirementGaps.Scope.school(own);
    }
}
