package org.independentstudy.scale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import javax.sql.DataSource;
import org.independentstudy.support.PostgresIntegrationTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The benchmarks' embedded PostgreSQL with pg_stat_statements (what each statement costs, how often it runs) and
 * auto_explain (plans of slow statements, to {@link #LOG} once switched on) loaded; the pool as the postgres profile
 * sets it.
 */
@TestConfiguration(proxyBeanMethods = false)
class InstrumentedPostgres {

    static final String LOG = "target/benchmark-postgres.log";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        File log = new File(LOG);
        return EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                .setServerConfig("auto_explain.log_analyze", "on")
                .setServerConfig("auto_explain.log_buffers", "on")
                .setServerConfig("pg_stat_statements.max", "10000")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return PostgresIntegrationTest.dataSourceOf(postgres);
    }
}
