package org.independentstudy.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.hamcrest.Matchers;
import org.independentstudy.demo.DemoDistrict;
import org.independentstudy.support.LoggedInSession;

/**
 * One node of the application in a JVM of its own, on the {@code postgres} profile against a
 * {@link RestartablePostgres}, with its job executor on, the demo district, and the signing secret every node of a
 * district shares. A test crashes it ({@link #crash()}: the process is killed, nothing runs on the way out), moves
 * its clock ({@link #setClock}) and calls it over HTTP as a demo user.
 */
final class ApplicationNode implements AutoCloseable {

    private static final String SIGNING_SECRET = "fault-tests-signing-secret-shared-by-every-node";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String name;
    private final Process process;
    private final Writer clock;
    private final Path log;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ApplicationNode(String name, Process process, Path log, URI base) {
        this.name = name;
        this.process = process;
        this.clock = process.outputWriter(StandardCharsets.UTF_8);
        this.log = log;
        this.base = base;
    }

    /**
     * Starts a node whose clock runs {@code clockOffset} ahead of this machine's (nodes given the same offset agree
     * on the time); {@code settings} are more application properties. Waits until it is ready.
     */
    static ApplicationNode start(String name, RestartablePostgres db, Duration clockOffset,
                                 Map<String, String> settings) {
        ApplicationNode node = launch(name, db, clockOffset, settings);
        try {
            node.awaitReady();
        } catch (RuntimeException | Error notReady) {
            node.process.destroyForcibly();
            throw notReady;
        }
        return node;
    }

    private static ApplicationNode launch(String name, RestartablePostgres db, Duration clockOffset,
                                          Map<String, String> settings) {
        try {
            Path work = Files.createDirectories(Path.of("target", "fault-tests", name));
            Path log = work.resolve("node.log");
            int port = RestartablePostgres.freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-D" + ClockedApplication.CLOCK_OFFSET + "=" + clockOffset.toMillis(),
                    "-cp", classPath(work), ClockedApplication.class.getName()));
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("spring.profiles.active", "postgres");
            properties.put("spring.datasource.url", db.jdbcUrl());
            properties.put("spring.datasource.username", "postgres");
            properties.put("server.port", String.valueOf(port));
            properties.put("isp.demo-data.enabled", "true");
            properties.put("isp.signing.secret", SIGNING_SECRET);
            properties.put("isp.security.password-hash-cost", "4");
            properties.put("camunda.bpm.job-execution.enabled", "true");
            // the job executor looks for due jobs every second at the most, not every minute: the waits stay short
            properties.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
            properties.put("camunda.bpm.job-execution.max-wait", "1000");
            // the engine's job log names the node that ran each job
            properties.put("camunda.bpm.generic-properties.properties.hostname", name);
            properties.put("camunda.bpm.metrics.enabled", "false");
            properties.put("logging.level.root", "warn");
            properties.put("logging.level.org.independentstudy", "info");
            properties.putAll(settings);
            properties.forEach((key, value) -> command.add("--" + key + "=" + value));
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ApplicationNode(name, process, log, URI.create("http://localhost:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A node's clock is this machine's plus an offset (ClockedApplication), so the offset that puts it at a fixed
     * moment is measured against this machine's clock: the one place the tests read it, so that they do not
     * depend on it.
     */
    private static final Clock MACHINE = Clock.systemUTC();

    /** How far ahead of this machine's clock a clock reading {@code now} at this moment is. */
    static Duration offsetTo(ZonedDateTime now) {
        return Duration.between(MACHINE.instant(), now.toInstant());
    }

    private void awaitReady() {
        awaitUntil("ready", STARTUP_LIMIT, () -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> readiness = get(null, "/actuator/health/readiness");
                return readiness.statusCode() == 200 && readiness.body().contains("\"UP\"");
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    /** Waits, at most {@code limit}, until the condition holds; the failure names it and shows the node's log. */
    void awaitUntil(String what, Duration limit, Callable<Boolean> condition) {
        awaitUntil(what, limit, condition, true);
    }

    /** Waits, at most {@code limit}, until the value is the one expected; the failure shows the last one. */
    <T> void awaitUntil(String what, Duration limit, Callable<T> value, T expected) {
        try {
            Awaitility.await(name + " " + what).atMost(limit).pollInterval(Duration.ofMillis(200))
                    .until(value, Matchers.equalTo(expected));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + logTail(), e);
        }
    }

    /** The node's clock runs {@code offset} ahead of this machine's from now on (nodes given the same offset agree). */
    void setClock(Duration offset) throws IOException {
        clock.write(offset.toMillis() + "\n");
        clock.flush();
        String moved = ClockedApplication.CLOCK_MOVED + offset.toMillis();
        awaitUntil("has moved its clock", Duration.ofSeconds(10), () -> logText().contains(moved));
    }

    /** The node dies at once: no shutdown hook runs; its open transactions end with its connections. */
    void crash() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still runs after being killed");
        }
    }

    HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return send(request(user, path).GET());
    }

    /** A call with the session cookie of a login made elsewhere (on another node, say). */
    HttpResponse<String> getInSession(LoggedInSession session, String path) throws IOException, InterruptedException {
        return send(request(null, path).header("Cookie", session.cookieHeader()).GET());
    }

    HttpResponse<String> post(String user, String path, Object body) throws IOException, InterruptedException {
        return send(jsonPost(user, path, body));
    }

    /** A form posted anonymously, as a browser posts it (a family's signing page). */
    HttpResponse<String> postForm(String path, String urlEncodedFields) throws IOException, InterruptedException {
        return send(request(null, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedFields)));
    }

    /** A request sent without waiting for the answer. */
    CompletableFuture<HttpResponse<String>> postInFlight(String user, String path, Object body) throws IOException {
        return http.sendAsync(jsonPost(user, path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 2xx answer, as JSON; any other answer fails the test with it and the log's tail. */
    JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(name + " answered " + response.statusCode() + " " + response.body() + "\n"
                    + logTail());
        }
        return JSON.readTree(response.body());
    }

    URI base() {
        return base;
    }

    String name() {
        return name;
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        List<String> lines = logText().lines().toList();
        return name + "'s log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    /** Stops the node as an operator would (SIGTERM), or kills it when it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                crash();
            }
        }
    }

    private HttpRequest.Builder jsonPost(String user, String path, Object body) throws IOException {
        return request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    /** A call as the demo user, with HTTP Basic; without a user, anonymous. */
    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_LIMIT);
        if (user == null) {
            return request;
        }
        String credentials = user + ":" + DemoDistrict.PASSWORD;
        return request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The application's classes and libraries as this test JVM has them, without the test classes (their test
     * configurations would be scanned), and the launcher copied alone into the node's folder.
     */
    private static String classPath(Path work) throws IOException {
        String launcher = ClockedApplication.class.getName().replace('.', '/') + ".class";
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        Path copy = work.resolve("launcher").resolve(launcher);
        Files.createDirectories(copy.getParent());
        Files.copy(testClasses.resolve(launcher), copy, StandardCopyOption.REPLACE_EXISTING);
        List<String> entries = new ArrayList<>(List.of(work.resolve("launcher").toAbsolutePath().toString()));
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().equals(testClasses))
                .forEach(entries::add);
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }
}
