package org.independentstudy.enrollment;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.calendar.SchoolYear;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.policy.DistrictPolicy;

/** ENR-06: short-term or long-term, from the projected school days plus those already used this school year. */
final class PlacementTypeRule {

    private PlacementTypeRule() {
    }

    // ENR-06: the family's preference chooses the program; the policy in force on the start date decides the length type
    static PlacementType decide(DistrictPolicy policy, SchoolCalendar calendar, PreferredPlacement preferred,
                                LocalDate start, LocalDate projectedEnd, int cumulativeBefore) {
        Placement.Program program = preferred == PreferredPlacement.COURSE_BASED
                ? Placement.Program.COURSE_BASED : Placement.Program.TRADITIONAL;
        int projected = calendar.countSchoolDays(start, projectedEnd);
        boolean longTerm = policy.isLongTerm(projected + cumulativeBefore);
        LocalDate longTermFrom = null;
        if (longTerm) {
            // long-term by itself: from its first day; else from the day the student's count reaches the threshold
            int nthDay = policy.isLongTerm(projected) ? 1
                    : Math.max(1, policy.getLongTermThresholdDays() - cumulativeBefore);
            longTermFrom = calendar.addSchoolDays(calendar.firstSchoolDayOnOrAfter(start), nthDay - 1);
        }
        return new PlacementType(program, longTerm, projected, cumulativeBefore, longTermFrom, policy.getCode());
    }

    /**
     * ENR-06: independent-study school days the student used in the school year of {@code start}, before it:
     * every earlier placement that became active, from its first countable day (set at activation; signing late
     * moves it past the requested start, AGR-07) to its actual (else projected) end.
     */
    static int cumulativeSchoolDaysBefore(SchoolCalendar calendar, LocalDate start, List<Enrollment> earlier) {
        SchoolYear year = calendar.schoolYearOf(start);
        int used = 0;
        for (Enrollment placement : earlier) {
            if (placement.getActivatedOn() == null) {
                continue;
            }
            LocalDate from = latest(placement.getActivatedOn(), year.firstDay());
            LocalDate to = earliest(placement.lastDay(), start.minusDays(1));
            if (!to.isBefore(from)) {
                used += calendar.countSchoolDays(from, to);
            }
        }
        return used;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
