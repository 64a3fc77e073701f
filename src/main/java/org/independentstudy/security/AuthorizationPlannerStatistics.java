package org.independentstudy.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issue 13.12: on PostgreSQL, statistics on the permission bits of the engine's grants, so that the planner knows
 * how many grants a query's authorization check keeps. Every task of a case is granted per school
 * ({@link SchoolScopedTaskAuthorizations}), so a district-wide counselor holds one grant per open task. The
 * engine checks a grant with {@code PERMS_ & 2 = 2}, an expression PostgreSQL has no statistics for: it guesses
 * 0.5 % of the rows, plans a nested loop over every grant for every task, and Tasklist's first page took 24 s
 * with 20,000 open tasks (LoadBenchmark), the engine's count query as long again. With these statistics it looks
 * up each task's grants by the engine's own index on RESOURCE_ID_ instead (about 0.1 s). The bits come as
 * parameters, so only a plan made with their values uses these statistics: the postgres profile sets
 * {@code plan_cache_mode=force_custom_plan} on its connections (application.yml).
 *
 * <p>Created once the engine's schema exists (after the engine is built: Flyway's migrations may run before the
 * engine creates its tables on a new database), then analyzed; PostgreSQL's autovacuum keeps them up to date.
 * H2 has no such statistics and needs none.
 *
 * <p>Issue 13.12, second part: two indexes on the engine's tables for Tasklist's task query, created the same way
 * ({@link #indexStatements}). The engine checks each task's grants with {@code AUTH.RESOURCE_ID_ IN (RES.ID_,
 * D.KEY_, '*')}: on its index on RESOURCE_ID_ every task also reads every grant on all resources of every type
 * (31 "*" rows: the administrators' on each type), of which only those on tasks and process definitions can
 * match; a partial index on those two types reads 7, and the count of a district-wide counselor's 20,000 tasks
 * went from about 360 to 250 ms (LoadBenchmark). Tasklist's first page is sorted by due date and made distinct
 * over all the task's columns (due date, REV_, ID_, ...): with an index in that order the planner reads the
 * tasks in due-date order and stops after the first 50 instead of sorting all of them on disk (about 80 ms to
 * 12 ms). Neither changes what anyone may see: they change how rows are found, not which.
 *
 * <p>The indexes are built {@code concurrently}, so that a first start on a district's existing database does not
 * hold up its writes while they build, and by one node at a time: a node that does not get the advisory lock
 * leaves them to the node that has it. A build that was interrupted (the node stopped) leaves an invalid index,
 * which {@code if not exists} would keep for good: it is dropped and built again.
 */
@Component
public class AuthorizationPlannerStatistics extends AbstractProcessEnginePlugin {

    public static final String NAME = "isp_authorization_permission_bits";

    /** The index of grants on tasks and process definitions by resource id. */
    public static final String GRANTS_INDEX = "isp_auth_task_procdef_resource";
    /** The index of tasks in due-date order. */
    public static final String DUE_DATE_INDEX = "isp_task_due_rev_id";

    /** Each index for Tasklist's task query, by name: the engine's table and what it indexes. */
    private static final Map<String, String> INDEXED = Map.of(
            GRANTS_INDEX, "ACT_RU_AUTHORIZATION (RESOURCE_ID_) where RESOURCE_TYPE_ in ("
                    + Resources.PROCESS_DEFINITION.resourceType() + ", " + Resources.TASK.resourceType() + ")",
            DUE_DATE_INDEX, "ACT_RU_TASK (DUE_DATE_, REV_, ID_)");

    /** The indexes' names, for benchmarks measuring the engine without them. */
    public static final Set<String> INDEXES = INDEXED.keySet();

    /** The permissions the queries of Tasklist and Cockpit check (tasks, instances, history). */
    private static final List<Permission> CHECKED = List.of(Permissions.READ, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);

    private static final Logger log = LoggerFactory.getLogger(AuthorizationPlannerStatistics.class);

    /** The advisory lock held while a node builds the indexes (an arbitrary key of ours). */
    static final long INDEX_LOCK = 1_513_277_427L;

    private final JdbcTemplate jdbc;

    AuthorizationPlannerStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION";
        jdbc.execute(createStatement(table));
        createIndexes(configuration.getDatabaseTablePrefix());
        jdbc.execute("analyze " + table);
    }

    /** Builds the missing or invalid indexes, concurrently, unless another node holds the lock and is building them. */
    void createIndexes(String prefix) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement statement = connection.createStatement()) {
                if (!isTrue(statement, "select pg_try_advisory_lock(" + INDEX_LOCK + ")")) {
                    log.info("Another node is building the indexes of the task query: left to it");
                    return null;
                }
                try {
                    for (String name : INDEXES) {
                        String index = schemaOf(prefix) + name;
                        if (isTrue(statement, "select not indisvalid from pg_index where indexrelid = to_regclass('"
                                + index + "')")) {
                            log.warn("Index {} was left invalid by an interrupted build: built again", index);
                            statement.execute("drop index concurrently " + index);
                        }
                        statement.execute(indexStatement(name, prefix));
                    }
                } finally {
                    statement.execute("select pg_advisory_unlock(" + INDEX_LOCK + ")");
                }
            }
            return null;
        });
    }

    private static boolean isTrue(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** The schema of the engine's tables when the prefix names one ({@code "engine."}), where its indexes are too. */
    private static String schemaOf(String prefix) {
        return prefix.substring(0, prefix.lastIndexOf('.') + 1);
    }

    /** The statements creating the indexes for Tasklist's task query (benchmarks run them on a bare engine too). */
    public static List<String> indexStatements(String prefix) {
        return INDEXES.stream().map(name -> indexStatement(name, prefix)).toList();
    }

    private static String indexStatement(String name, String prefix) {
        return "create index concurrently if not exists " + name + " on " + prefix + INDEXED.get(name);
    }

    /** The statement creating them, for this table (benchmarks create them on a bare engine's database too). */
    public static String createStatement(String table) {
        return "create statistics if not exists " + NAME + " on " + CHECKED.stream()
                .map(p -> "(PERMS_ & " + p.getValue() + ")").collect(Collectors.joining(", ")) + " from " + table;
    }
}
