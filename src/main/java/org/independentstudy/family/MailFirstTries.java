package org.independentstudy.family;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Issue 13.4: the first try of each e-mail, made right after the transaction that queued it commits, on threads of
 * its own. The request that queued it (a family's signature, a counselor sending an agreement, a notice) answers
 * without waiting for the mail server, which may take the connection and read timeouts (5 and 10 s) to fail. A try
 * that cannot start, every thread busy and the queue full or the node stopping, is left to the engine job standing
 * by for it. A node stopping lets the tries already taken on finish once its web server has stopped and before its
 * engine and database connections close (a lifecycle phase after the web server's). With no threads
 * ({@code first-try-threads: 0}) the first try is made on the committing thread, before its request answers, as the
 * tests do to read its outcome right after the request.
 */
@Component
public class MailFirstTries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailFirstTries.class);

    /** Tries waiting for a thread; beyond these the job standing by takes the message a minute later. */
    private static final int WAITING = 1_000;

    /** None when the first tries are made on the committing thread. */
    private final ThreadPoolExecutor threads;
    /** Tries taken on and not finished: counted as they are handed over, so none is missed while it changes hands. */
    private int underWay;
    private volatile boolean running;

    @Autowired
    MailFirstTries(@Value("${isp.mail.outbox.first-try-threads:2}") int threads) {
        this(threads, WAITING);
    }

    MailFirstTries(int threads, int waiting) {
        this.threads = threads == 0 ? null : new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(waiting), new CustomizableThreadFactory("mail-first-try-"));
    }

    /** Hands the try over to a thread of its own, or leaves it to the job standing by. */
    void handOver(long messageId, Runnable attempt) {
        if (threads == null) {
            attempt.run();
            return;
        }
        synchronized (this) {
            underWay++;
        }
        try {
            threads.execute(() -> {
                try {
                    attempt.run();
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished();
            log.info("E-mail {}: no thread free for its first try; the job standing by takes it", messageId);
        }
    }

    private synchronized void finished() {
        underWay--;
        notifyAll();
    }

    /**
     * Waits until every try handed over so far has finished, at most {@code timeout}; false if some has not. For
     * those who read what the first tries came to right after the request: tests and benchmarks.
     */
    public synchronized boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (underWay > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (threads == null) {
            return;
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("E-mail first tries still under way after 30 s: left to the jobs standing by");
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server's (graceful shutdown, then stop): the last requests' e-mails get their first try. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
