package org.independentstudy.agreement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Publishes events only once the transaction that caused them has committed, so no e-mail goes out for a rollback. */
@Component
class AfterCommit {

    private final ApplicationEventPublisher publisher;

    AfterCommit(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    void publish(Object event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publisher.publishEvent(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publisher.publishEvent(event);
            }
        });
    }
}
