package org.independentstudy.errors;

/** The request is valid but the record's current state refuses it (answered with 409). */
public class ConflictException extends RuntimeException {

    private final Long caseId;

    public ConflictException(String message) {
        this(message, null);
    }

    /** Refused because of that case (e.g. the student's open case); the answer names it for the client. */
    public ConflictException(String message, Long caseId) {
        super(message);
        this.caseId = caseId;
    }

    /** The case that refuses the request, or null. */
    public Long caseId() {
        return caseId;
    }
}
