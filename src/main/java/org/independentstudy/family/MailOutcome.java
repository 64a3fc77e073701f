package org.independentstudy.family;

import java.time.Instant;

/**
 * What one try of a queued e-mail came to, told to the part of the application that queued it ({@code purpose}) in
 * a transaction of its own after the try, so that its record says only what happened.
 *
 * @param attempt the try it reports, from 1
 * @param failure the mail server's refusal, null when it took the message
 * @param nextTryAt when the outbox tries again (REFUSED only)
 */
public record MailOutcome(long mailId, String purpose, String reference, String recipient, Status status, int attempt,
                          String failure, Instant nextTryAt) {

    /** SENT: the server took it; REFUSED: it is tried again later; GAVE_UP: refused on the last try. */
    public enum Status {
        SENT,
        REFUSED,
        GAVE_UP
    }

    public boolean sent() {
        return status == Status.SENT;
    }

    /** No further try follows: sent, or given up. */
    public boolean settled() {
        return status != Status.REFUSED;
    }

    public boolean isFor(String purpose) {
        return this.purpose.equals(purpose);
    }
}
