package org.independentstudy.errors;

/** The request is valid but the record's current state refuses it (answered with 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
