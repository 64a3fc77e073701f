package org.independentstudy.family;

import java.time.Instant;

/** The engine side of the mail outbox: its tries as jobs of the engine's job executor. */
public interface MailJobs {

    /** In the caller's transaction: a try of the message, due at that moment. Returns the job's id. */
    String schedule(long messageId, Instant due);

    /** The try standing by is not needed (the message was sent); one already running finds nothing to do. */
    void cancel(String jobId);

    /**
     * Runs the work as the job executor would, with nobody's authentication, the engine's or the web's: a try is
     * the system's, on the record too, whichever thread makes it.
     */
    void asSystem(Runnable work);
}
