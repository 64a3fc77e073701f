package org.independentstudy.errors;

/** An upload or body above its limit: answered with 413 and a problem naming the field; nothing is written. */
public class TooLargeException extends RuntimeException {

    private final String field;

    public TooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
