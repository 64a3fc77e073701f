package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.security.AuthorizationPlannerStatistics.DUE_DATE_INDEX;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13.12: the indexes and statistics for Tasklist's task query, as the application creates them at start on
 * PostgreSQL: built once, rebuilt when an interrupted build left one invalid, and left to the node that is
 * building them when two nodes start at once.
 */
class TaskQueryIndexesPostgresTest extends PostgresIntegrationTest {

    @Autowired
    AuthorizationPlannerStatistics statistics;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    @DisplayName("Issue 13.12: after start the task query's indexes exist and are valid, the grants' statistics too")
    void createdAtStart() {
        assertThat(validIndexes()).containsExactlyInAnyOrderElementsOf(AuthorizationPlannerStatistics.INDEXES);
        assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = ?", Integer.class,
                AuthorizationPlannerStatistics.NAME)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
                AuthorizationPlannerStatistics.GRANTS_INDEX)).contains("WHERE (resource_type_ = ANY");
    }

    @Test
    @DisplayName("Issue 13.12: an index an interrupted build left invalid is dropped and built again at the next start")
    void invalidIndexBuiltAgain() {
        jdbc.update("update pg_index set indisvalid = false where indexrelid = to_regclass(?)", DUE_DATE_INDEX);
        assertThat(validIndexes()).doesNotContain(DUE_DATE_INDEX);

        statistics.createIndexes("");

        assertThat(validIndexes()).containsExactlyInAnyOrderElementsOf(AuthorizationPlannerStatistics.INDEXES);
    }

    @Test
    @DisplayName("Issue 13.12: a node starting while another builds the indexes leaves them to it, without waiting")
    void leftToTheNodeBuildingThem() throws Exception {
        jdbc.execute("drop index " + DUE_DATE_INDEX);
        try (Connection otherNode = dataSource.getConnection(); Statement lock = otherNode.createStatement()) {
            // held by the other node's transaction, so that it ends with the test whatever happens
            otherNode.setAutoCommit(false);
            try {
                lock.execute("select pg_advisory_xact_lock(" + AuthorizationPlannerStatistics.INDEX_LOCK + ")");

                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> statistics.createIndexes(""));
                assertThat(validIndexes()).doesNotContain(DUE_DATE_INDEX);
            } finally {
                otherNode.rollback();
            }
        }
        statistics.createIndexes("");
        assertThat(validIndexes()).containsExactlyInAnyOrderElementsOf(AuthorizationPlannerStatistics.INDEXES);
    }

    private List<String> validIndexes() {
        return jdbc.queryForList("select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid "
                + "where i.indisvalid and c.relname in ('" + String.join("', '", AuthorizationPlannerStatistics.INDEXES)
                + "')", String.class);
    }
}
