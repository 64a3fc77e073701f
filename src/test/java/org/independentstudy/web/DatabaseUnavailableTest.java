package org.independentstudy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Issue 13.3: which failures mean "the database cannot be reached", however deep the engine or Spring wrap them. */
class DatabaseUnavailableTest {

    @Test
    @DisplayName("Issue 13.3 no connection in time, a server shutting down, a broken batch and a rollback on a connection the pool closed are the database being unavailable")
    void connectionFailures() {
        assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"))))
                .isTrue();
        // the engine's wrapping of PostgreSQL's "terminating connection due to administrator command"
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException("ENGINE-03004 Exception while executing",
                new IllegalStateException(new SQLException("FATAL: terminating connection", "57P01"))))).isTrue();
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend", "08006"));
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(batch))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    @DisplayName("Issue 13.3 a refused write, a query error and a plain bug are not: they keep their own answers")
    void otherFailures() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("syntax error", "42601"))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    @DisplayName("Issue 13.3 the answer is 503, a problem detail of its own type, with Retry-After")
    void answer() {
        ResponseEntity<ProblemDetail> answer = DatabaseUnavailable.answer();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
        assertThat(answer.getBody().getType()).hasToString("urn:problem:database-unavailable");
        assertThat(answer.getBody().getTitle()).isEqualTo("Database unavailable");
    }
}
