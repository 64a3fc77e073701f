package org.independentstudy.agreement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.independentstudy.policy.DistrictPolicies;
import org.independentstudy.policy.DistrictPolicy;
import org.springframework.stereotype.Service;

/**
 * AGR-10, for every phase that sets assignment due dates: at most the policy's maximum calendar days after
 * assignment unless a longer period was approved and the approval recorded; never after the agreement's end.
 */
@Service
public class AssignmentDueDatePolicy {

    private final DistrictPolicies policies;

    public AssignmentDueDatePolicy(DistrictPolicies policies) {
        this.policies = policies;
    }

    /** The due date is further from the assignment than the policy in force allows without an approval. */
    public boolean needsApproval(LocalDate assignedOn, LocalDate dueOn) {
        return ChronoUnit.DAYS.between(assignedOn, dueOn) > policies.inForceOn(assignedOn).getMaxAssignmentCalendarDays();
    }

    /**
     * Every reason the due date is not allowed; empty when it is.
     *
     * @param approvalReference the recorded approval of a longer period (who and where), or null
     */
    public List<String> problemsOf(LocalDate assignedOn, LocalDate dueOn, LocalDate agreementEndDate,
                                   String approvalReference) {
        List<String> problems = new ArrayList<>();
        DistrictPolicy policy = policies.inForceOn(assignedOn);
        if (dueOn.isBefore(assignedOn)) {
            problems.add("AGR-10: the due date " + dueOn + " is before the assignment date " + assignedOn);
        }
        if (needsApproval(assignedOn, dueOn) && (approvalReference == null || approvalReference.isBlank())) {
            problems.add("AGR-10: due " + ChronoUnit.DAYS.between(assignedOn, dueOn) + " days after assignment, more "
                    + "than the " + policy.getMaxAssignmentCalendarDays() + " days of " + policy.getCode()
                    + "; a longer period needs a recorded approval");
        }
        // AGR-10: no approval can move a due date past the agreement's end date
        if (dueOn.isAfter(agreementEndDate)) {
            problems.add("AGR-10: the due date " + dueOn + " is after the agreement's end date " + agreementEndDate);
        }
        return problems;
    }
}
