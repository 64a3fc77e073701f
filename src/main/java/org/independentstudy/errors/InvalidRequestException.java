package org.independentstudy.errors;

import java.util.Map;

/**
 * Bad input from a user: answered with 400 and a problem detail naming the fields (and the rule, when a
 * rule of the catalogue refuses it). Thrown before anything is written, so nothing is half-done.
 */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> fieldErrors;
    private final String ruleId;

    public InvalidRequestException(String message, Map<String, String> fieldErrors, String ruleId) {
        super(message);
        this.fieldErrors = Map.copyOf(fieldErrors);
        this.ruleId = ruleId;
    }

    public static InvalidRequestException field(String field, String problem) {
        return new InvalidRequestException(field + ": " + problem, Map.of(field, problem), null);
    }

    /** The message names the field too: Tasklist shows a refused form's message alone, not the fields. */
    public static InvalidRequestException rule(String ruleId, String field, String problem) {
        return new InvalidRequestException(ruleId + ": " + field + ": " + problem, Map.of(field, problem), ruleId);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public String ruleId() {
        return ruleId;
    }
}
