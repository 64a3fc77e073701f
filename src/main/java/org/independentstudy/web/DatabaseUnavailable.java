package org.independentstudy.web;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Issue 13.3: a request that failed because the database could not be reached (stopped, restarting, or no
 * connection free in time) is answered 503 with a problem detail, never 500. Its transaction did not commit, so
 * nothing of it is written; the connection pool reconnects by itself, and the same request succeeds once the
 * database is back. Recognised wherever the failure surfaces (Spring's, Hibernate's or the engine's exception) by
 * a JDBC exception among its causes: a connection exception, one of PostgreSQL's SQL states for a lost or refused
 * connection, or the pool's answer on a connection it has already closed as broken.
 */
final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again: a database restart takes about that long. */
    static final int RETRY_AFTER_SECONDS = 10;

    static final URI TYPE = URI.create("urn:problem:database-unavailable");

    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private DatabaseUnavailable() {
    }

    /** Whether the failure, or any of its causes, is a database connection lost, refused or not given in time. */
    static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && connectionLost(sql)) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ProblemDetail> answer() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database cannot be reached at the moment; try again shortly.");
        problem.setTitle("Database unavailable");
        problem.setType(TYPE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(problem);
    }

    /**
     * The JDBC connection exceptions (a pool's time-out included), SQL state class 08 (connection exception),
     * 57P01-57P03 (the server shutting down, crashed, or still starting), and HikariCP's "Connection is closed"
     * without a state: what the rollback of a transaction whose connection broke gets, the pool having closed it
     * (the exception that broke it is then lost, overridden by the failed rollback).
     */
    private static boolean connectionLost(SQLException e) {
        // a batch's failures are chained as next exceptions; a few are enough to tell
        SQLException next = e;
        for (int i = 0; next != null && i < 10; i++, next = next.getNextException()) {
            String state = next.getSQLState();
            if (next instanceof SQLTransientConnectionException || next instanceof SQLNonTransientConnectionException
                    || next instanceof SQLRecoverableException
                    || state != null && (state.startsWith("08") || state.matches("57P0[1-3]"))
                    || state == null && CLOSED_BY_THE_POOL.equals(next.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
