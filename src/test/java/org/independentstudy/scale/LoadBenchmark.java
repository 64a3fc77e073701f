package org.independentstudy.scale;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.independentstudy.benchmark.Figures;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.security.AuthorizationPlannerStatistics;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.Api;
import org.independentstudy.support.EngineAssertions;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.LoggedInSession;
import org.independentstudy.support.PostgresIntegrationTest;
import org.independentstudy.support.TasklistUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13.12: the district at load on PostgreSQL. 20,000 active cases spread over the demo district's three
 * schools, each with an open counselor task (the case process started at "completeCaseRecords", so the task is
 * granted per school as every case task is) and a school month (20 school days) of participation. Measured: the
 * first page of 50 of Tasklist's "My tasks" (due date first) through Tasklist's own REST call, for a district-wide
 * and a one-school counselor; the same query on the engine's Java API; a case view through the API and the desk;
 * the heap after a full GC. In the same run, as the floor, the same first page on a bare engine (its own database
 * on the same server, authorization on, nothing of ours) holding 20,000 open tasks of one candidate group. The
 * statements that cost most are listed from pg_stat_statements, and the slow ones' plans logged by auto_explain to
 * {@link InstrumentedPostgres#LOG}. Run with {@code ./mvnw -q test -Pbenchmark -Dtest=LoadBenchmark}; prints
 * figures, asserts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith({FixedEngineClock.class, EngineAssertions.class})
@Import(InstrumentedPostgres.class)
class LoadBenchmark {

    static final int CASES = Integer.getInteger("load.cases", 20_000);
    static final int PAGE = 50;
    static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    FilterService filters;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    EmbeddedPostgres postgres;

    private JdbcTemplate bareJdbc;

    @Test
    void districtAtLoad() throws Exception {
        System.out.printf("BENCHMARK machine: %d cores (%s), JVM max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() >> 20);
        long start = System.nanoTime();
        List<Long> cases = seedCases();
        seconds("seeded " + cases.size() + " active cases with a school month of participation", start);
        start = System.nanoTime();
        seedTasks(cases);
        seconds("seeded a counselor task per case (case process started at the task)", start);
        jdbc.execute("analyze");

        start = System.nanoTime();
        ProcessEngine bare = bareEngine();
        seconds("bare engine: " + bare.getTaskService().createTaskQuery().count() + " open tasks of one group", start);

        jdbc.execute("create extension if not exists pg_stat_statements");
        System.out.printf("BENCHMARK plan_cache_mode: application %s, bare engine %s%n",
                jdbc.queryForObject("show plan_cache_mode", String.class),
                bareJdbc.queryForObject("show plan_cache_mode", String.class));
        String myTasks = filters.createFilterQuery().filterName("My tasks").singleResult().getId();
        Tasklist district = Tasklist.logIn(port, "counselor");
        Tasklist oneSchool = Tasklist.logIn(port, "counselor2");

        // before: the engine's schema as it comes, without the planner statistics the application adds at start
        jdbc.execute("drop statistics if exists " + AuthorizationPlannerStatistics.NAME);
        AuthorizationPlannerStatistics.INDEXES.forEach(index -> jdbc.execute("drop index if exists " + index));
        jdbc.execute("analyze act_ru_authorization");
        Figures.measure("BEFORE floor: bare engine as it comes, first page + count", 0, 1,
                i -> firstPage(bare, "floor", List.of("counselors")));
        Figures.measure("BEFORE Tasklist REST: My tasks first page, district-wide", 0, 1, i -> district.firstPage(myTasks));
        Figures.measure("BEFORE Tasklist REST: My tasks first page, one school", 0, 1, i -> oneSchool.firstPage(myTasks));

        // after: the statistics (AuthorizationPlannerStatistics), on both databases alike
        // and the indexes it creates for Tasklist's task query (also on both)
        for (JdbcTemplate each : List.of(jdbc, bareJdbc)) {
            each.execute(AuthorizationPlannerStatistics.createStatement("ACT_RU_AUTHORIZATION"));
            AuthorizationPlannerStatistics.indexStatements("").forEach(each::execute);
            each.execute("analyze act_ru_authorization");
            each.execute("analyze act_ru_task");
        }
        jdbc.queryForList("select pg_stat_statements_reset()");
        System.out.printf("BENCHMARK first page sees: district-wide counselor %s of %d tasks, one-school counselor "
                + "%s%n", district.count(myTasks), CASES, oneSchool.count(myTasks));
        Figures.measure("floor: bare engine with the statistics, first page + count", 10, 100,
                i -> firstPage(bare, "floor", List.of("counselors")));

        Figures.measure("Tasklist REST: My tasks first page of 50 + count, district-wide", 10, 100,
                i -> district.firstPage(myTasks));
        Figures.measure("Tasklist REST: My tasks first page of 50 + count, one school", 10, 100,
                i -> oneSchool.firstPage(myTasks));
        List<String> counselorGroups = TasklistUser.groupsOf(identity, "counselor");
        Figures.measure("engine Java API: same query, district-wide counselor", 10, 100,
                i -> firstPage(engine, "counselor", counselorGroups));
        Figures.measure("floor: bare engine with the statistics, again", 10, 100,
                i -> firstPage(bare, "floor", List.of("counselors")));

        TestRestTemplate api = Api.as(rest, "counselor");
        LoggedInSession desk = LoggedInSession.logIn(port, "counselor");
        Figures.measure("case view: GET /api/cases/{id}", 50, 500,
                i -> checked(api.getForEntity("/api/cases/" + cases.get((i * 7919) % cases.size()), String.class)
                        .getStatusCode().value(), "/api/cases"));
        Figures.measure("case view: GET /desk/cases/{id}", 50, 500,
                i -> checked(desk.get("/desk/cases/" + cases.get((i * 7919) % cases.size())).statusCode(),
                        "/desk/cases"));

        heapAfterFullGc();
        topStatements();
        explainSlowQueries(district, oneSchool, myTasks);
        bare.close();
    }

    // --- seeding ---------------------------------------------------------------------------------------------

    /** One case through the real services as template, then the rest set-wise, spread over every school. */
    private List<Long> seedCases() {
        ActivePlacement template = activePlacements.traditional("S100011", "teacher");
        Long version = jdbc.queryForObject("select agreement_version_id from supervision where case_id = ?",
                Long.class, template.caseId());
        jdbc.update("""
                insert into student (student_number, first_name, last_name, birth_date, grade, street, city,
                                     postal_code, school_id)
                select 'L' || g, 'Student', 'Number ' || g, date '2011-05-01', '9', '1 Main St', 'Long Beach',
                       '90802', (select id from school order by id offset (g % 3) limit 1)
                  from generate_series(1, ?) g""", CASES);
        jdbc.update("""
                insert into is_case (student_id, school_id, phase, opened_at, opened_by)
                select s.id, s.school_id, 'ACTIVE', now(), 'load' from student s
                 where s.student_number like 'L%' and not exists (select 1 from is_case c where c.student_id = s.id)""");
        jdbc.update("""
                insert into enrollment (case_id, student_id, requested_by_student, requester_name, received_via,
                    received_on, received_by, reason, requested_start, projected_end, preferred_placement,
                    conference_requested, advocate_requested, needs_device, needs_internet_access,
                    suspension_referral, classroom_alternative_offered, medical_treatment, program, long_term,
                    long_term_from, policy_code, activated_on)
                select c.id, c.student_id, false, 'Parent', 'PHONE', date '2027-01-04', 'load', 'Load',
                       date '2027-01-11', date '2027-03-26', 'LONG_TERM', false, false, false, false, 'NONE', false,
                       false, 'TRADITIONAL', true, date '2027-01-11', 'BP6158-2022', date '2027-01-11'
                  from is_case c where c.opened_by = 'load'""");
        jdbc.update("""
                insert into supervision (case_id, student_id, school_id, agreement_version_id, teacher_username,
                                         class_name, starts_on, ends_on)
                select c.id, c.student_id, c.school_id, ?, 'teacher', 'Independent study', date '2027-01-11',
                       date '2027-03-26'
                  from is_case c where c.opened_by = 'load'""", version);
        List<LocalDate> month = calendar.schoolDaysBetween(ActivePlacements.START, ActivePlacements.END).subList(0, 20);
        int days = jdbc.update("""
                insert into participation_day (case_id, student_id, school_day, status, synchronous_offered_minutes,
                    synchronous_attended_minutes, recorded_by, recorded_at)
                select c.id, c.student_id, d.day, 'PARTICIPATORY', 240, 240, 'teacher', now()
                  from is_case c cross join unnest(cast(string_to_array(?, ',') as date[])) as d(day)
                 where c.opened_by = 'load'""", month.stream().map(LocalDate::toString).collect(Collectors.joining(",")));
        System.out.printf("BENCHMARK %-62s %9d rows%n", "participation days", days);
        return jdbc.queryForList("select id from is_case where opened_by = 'load' order by id", Long.class);
    }

    /** The case process of each case started at its counselor task, due over two school months, 2 threads. */
    private void seedTasks(List<Long> cases) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        int batch = 100;
        for (int from = 0; from < cases.size(); from += batch) {
            List<Long> slice = cases.subList(from, Math.min(cases.size(), from + batch));
            done.add(threads.submit(() -> transactions.executeWithoutResult(status -> {
                for (Long caseId : slice) {
                    String instance = runtime.createProcessInstanceByKey("independent-study-case")
                            .businessKey(caseId.toString()).startBeforeActivity("completeCaseRecords")
                            .setVariable("recordsDueAt", due(caseId)).execute(true, true).getId();
                    jdbc.update("update is_case set process_instance_id = ? where id = ?", instance, caseId);
                }
            })));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
    }

    private static Date due(long n) {
        return Date.from(LocalDate.of(2027, 1, 11).plusDays(n % 60).atTime(17, 0).atZone(DISTRICT).toInstant());
    }

    /** A process engine of its own on a database of its own: one user task, 20,000 open in group "counselors". */
    private ProcessEngine bareEngine() throws Exception {
        jdbc.execute("create database bare");
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "bare"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("bare-engine");
        // the same connection settings as the application's (application.yml, profile postgres)
        dataSource.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        configuration.setDataSource(dataSource);
        configuration.setProcessEngineName("bare");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setAuthorizationEnabled(true);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        ProcessEngine bare = configuration.buildProcessEngine();
        // the Spring context's engine stays the one the webapps and /engine-rest serve
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        bare.getRepositoryService().createDeployment().addModelInstance("bare.bpmn",
                Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("work").camundaCandidateGroups("counselors").camundaDueDate("${due}")
                        .endEvent().done()).deploy();
        Group group = bare.getIdentityService().newGroup("counselors");
        bare.getIdentityService().saveGroup(group);
        User user = bare.getIdentityService().newUser("floor");
        bare.getIdentityService().saveUser(user);
        bare.getIdentityService().createMembership("floor", "counselors");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int first = t;
            done.add(threads.submit(() -> {
                for (int i = first; i < CASES; i += 2) {
                    bare.getRuntimeService().startProcessInstanceByKey("bare", Map.of("due", due(i)));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        jdbc.execute("analyze");
        bareJdbc = new JdbcTemplate(dataSource);
        bareJdbc.execute("analyze");
        return bare;
    }

    // --- measuring -------------------------------------------------------------------------------------------

    /** "My tasks" as the engine runs it for its user: assigned or offered to them, due date first, and its count. */
    private static long firstPage(ProcessEngine on, String user, List<String> groups) {
        on.getIdentityService().setAuthentication(user, groups);
        try {
            TaskQuery query = on.getTaskService().createTaskQuery().or().taskAssignee(user).taskCandidateUser(user)
                    .endOr().orderByDueDate().asc();
            List<Task> page = query.listPage(0, PAGE);
            return page.size() + on.getTaskService().createTaskQuery().or().taskAssignee(user)
                    .taskCandidateUser(user).endOr().count();
        } finally {
            on.getIdentityService().clearAuthentication();
        }
    }

    private static int checked(int status, String what) {
        if (status != 200) {
            throw new IllegalStateException(what + " answered " + status);
        }
        return status;
    }

    private static void heapAfterFullGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("BENCHMARK %-62s %9d MB (goal: under 512 MB)%n", "heap after a full GC", used >> 20);
    }

    private void topStatements() {
        jdbc.queryForList("""
                select calls, round(mean_exec_time::numeric, 1) as mean_ms, round(total_exec_time::numeric) as total_ms,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 400) as query
                  from pg_stat_statements order by total_exec_time desc limit 8""")
                .forEach(row -> System.out.printf("BENCHMARK statement %s calls, mean %s ms, total %s ms: %s%n",
                        row.get("calls"), row.get("mean_ms"), row.get("total_ms"), row.get("query")));
    }

    /** auto_explain on for a few calls: the plans of the statements over 20 ms go to the server's log. */
    private void explainSlowQueries(Tasklist district, Tasklist oneSchool, String myTasks) {
        jdbc.execute("alter system set auto_explain.log_min_duration = '20ms'");
        jdbc.queryForList("select pg_reload_conf()");
        sleep();
        System.out.println("BENCHMARK EXPLAIN-START");
        district.firstPage(myTasks);
        System.out.println("BENCHMARK EXPLAIN-ONE-SCHOOL");
        oneSchool.firstPage(myTasks);
        jdbc.execute("alter system set auto_explain.log_min_duration = '-1'");
        jdbc.queryForList("select pg_reload_conf()");
        System.out.println("BENCHMARK plans of statements over 20 ms: " + InstrumentedPostgres.LOG);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void seconds(String what, long start) {
        System.out.printf("BENCHMARK %-62s %8.1f s%n", what, (System.nanoTime() - start) / 1e9);
    }

    /** A staff member in Tasklist: logged in, Tasklist opened (its CSRF token), calling the engine as it does. */
    static final class Tasklist {

        private static final String BODY = """
                {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"orQueries":[],\
                "sorting":[{"sortBy":"dueDate","sortOrder":"asc"}]}""";

        private final String base;
        private final LoggedInSession session;
        private final String csrf;
        private final HttpClient client = HttpClient.newHttpClient();

        private Tasklist(String base, LoggedInSession session, String csrf) {
            this.base = base;
            this.session = session;
            this.csrf = csrf;
        }

        static Tasklist logIn(int port, String user) {
            LoggedInSession session = LoggedInSession.logIn(port, user);
            HttpResponse<String> tasklist = session.get("/camunda/app/tasklist/default/");
            if (tasklist.statusCode() != 200) {
                throw new IllegalStateException(user + " cannot open Tasklist: " + tasklist.statusCode());
            }
            return new Tasklist("http://localhost:" + port, session,
                    tasklist.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
        }

        /** Tasklist's call for a filter's first page: HAL (the tasks, their count and what they link to). */
        String firstPage(String filterId) {
            return post("/camunda/api/engine/engine/default/filter/" + filterId + "/list?firstResult=0&maxResults="
                    + PAGE, "application/hal+json");
        }

        String count(String filterId) {
            return post("/camunda/api/engine/engine/default/filter/" + filterId + "/count", "application/json");
        }

        private String post(String path, String accept) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json").header("Accept", accept)
                        .header("X-XSRF-TOKEN", csrf).header("Cookie", session.cookieHeader())
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                return response.body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
