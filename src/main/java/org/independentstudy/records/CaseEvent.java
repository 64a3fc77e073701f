package org.independentstudy.records;

import java.util.Objects;

/**
 * What happened on a case, before it is stamped with who and when.
 *
 * @param step        the business step, e.g. {@code placementTypeDecided}
 * @param description what a counselor or auditor reads
 * @param ruleId      the rule of the catalogue applied, if any (e.g. {@code ENR-06})
 * @param policyCode  the district policy version applied, if any
 */
public record CaseEvent(String step, String description, String ruleId, String policyCode) {

    public CaseEvent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(description, "description");
    }

    public static CaseEvent of(String step, String description) {
        return new CaseEvent(step, description, null, null);
    }

    public static CaseEvent underRule(String ruleId, String step, String description) {
        return new CaseEvent(step, description, ruleId, null);
    }

    public CaseEvent withPolicy(String code) {
        return new CaseEvent(step, description, ruleId, code);
    }
}
