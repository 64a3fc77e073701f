package org.independentstudy.enrollment;

/** A rule of the catalogue says no: the case ends as refused with this rule and reason on its record. */
public record Refusal(String ruleId, String reason) {
}
