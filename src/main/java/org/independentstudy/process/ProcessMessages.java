package org.independentstudy.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.dao.OptimisticLockingFailureException;

/** Messages to the processes of a case, delivered inside the caller's transaction. */
public final class ProcessMessages {

    private ProcessMessages() {
    }

    /**
     * Delivers the message to every execution waiting for it; none waiting (a case handled outside its process,
     * e.g. in tests) is not an error. A lost race with another transaction on the same process surfaces as Spring's
     * {@link OptimisticLockingFailureException}, so the caller retries it or answers 409, and nothing is lost.
     */
    public static void deliver(MessageCorrelationBuilder message) {
        try {
            message.correlateAllWithResult();
        } catch (OptimisticLockingException e) {
            throw new OptimisticLockingFailureException("The process moved on concurrently", e);
        }
    }
}
