package org.independentstudy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's demo stack, {@code DEMO_DATA=true COMPOSE_PROFILES=demo docker compose ... up --build}, as far
 * as it runs without a Docker engine: the packaged jar started like the image's ENTRYPOINT, in a process of its
 * own, with the image's ENV and the environment compose gives the app service for that command; an embedded
 * PostgreSQL server stands in for the db service, with its database, user and password. Runs in {@code verify}
 * (failsafe), once the jar is packaged.
 */
class DemoStackIT {

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedPostgres db;
    private static Process app;
    private static Path log;
    private static Map<String, String> environment;
    private static URI base;

    @BeforeAll
    static void startTheDemoStack() throws Exception {
        ComposeFile compose = ComposeFile.read();
        db = EmbeddedPostgres.builder().start();
        createDatabaseAsThePostgresImageDoes(compose.environment("db", ComposeFile.README_DEMO_SHELL));

        environment = compose.environment("app", ComposeFile.README_DEMO_SHELL);
        String composeUrl = environment.get("DB_URL");
        assertThat(composeUrl).contains("//db:5432/");
        int port = freePort();
        base = URI.create("http://localhost:" + port);

        Path work = Files.createDirectories(Path.of("target", "demo-stack-it"));
        log = work.resolve("app.log");
        ProcessBuilder process = new ProcessBuilder(imageCommand())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // a container's environment: the image's ENV and compose's, none of this machine's settings
        Map<String, String> variables = process.environment();
        variables.keySet().retainAll(List.of("PATH", "LANG"));
        variables.put("HOME", work.toAbsolutePath().toString());
        variables.putAll(imageEnvironment());
        variables.putAll(environment);
        variables.put("DB_URL", composeUrl.replace("//db:5432/", "//localhost:" + db.getPort() + "/"));
        variables.put("SERVER_PORT", String.valueOf(port));
        app = process.start();
        awaitReadiness();
    }

    @AfterAll
    static void stopTheDemoStack() throws Exception {
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @DisplayName("the demo stack starts on PostgreSQL, is ready, and a demo user logs in with the demo password")
    void demoUserLogsIn() throws Exception {
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");

        HttpResponse<String> me = get("/api/me", "counselor:demo");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("roles").toString()).contains("COUNSELOR");
        assertThat(get("/api/me", "counselor:wrong").statusCode()).isEqualTo(401);
        assertThat(logText()).contains("Demo district loaded");
    }

    @Test
    @DisplayName("CAL-01 the demo stack has the demo calendars, so requests that count school days are answered")
    void demoCalendarsAreThere() throws Exception {
        JsonNode calendars = JSON.readTree(get("/api/calendars", "counselor:demo").body());
        assertThat(calendars.findValuesAsText("schoolYear")).containsExactly("2025-26", "2026-27");
        assertThat(calendars.findValuesAsText("source")).allMatch(source -> source.startsWith("classpath:calendars/demo-"));

        HttpResponse<String> week = get("/api/calendars/2026-27/school-days?from=2026-11-09&to=2026-11-13",
                "counselor:demo");
        assertThat(week.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(week.body()).get("count").asInt()).as("Veterans Day is no school day").isEqualTo(4);
    }

    @Test
    @DisplayName("AGR-08 the demo stack runs on the demo signing secret, mails to Mailpit and links to the published port")
    void demoSigningSettings() throws IOException {
        assertThat(environment).containsEntry("ISP_SIGNING_SECRET", "")
                .containsEntry("SPRING_MAIL_HOST", "mailpit")
                .containsEntry("SPRING_MAIL_PORT", "1025")
                .containsEntry("ISP_PUBLIC_BASE_URL", "http://localhost:8080");
        assertThat(logText()).contains("ISP_SIGNING_SECRET is not set: family signing links are signed with the"
                + " published demo secret");
    }

    /** The db service's POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD, as the postgres image creates them. */
    private static void createDatabaseAsThePostgresImageDoes(Map<String, String> dbService) throws SQLException {
        String user = dbService.get("POSTGRES_USER");
        try (Connection connection = db.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + dbService.get("POSTGRES_PASSWORD") + "'");
            statement.execute("CREATE DATABASE " + dbService.get("POSTGRES_DB") + " OWNER " + user);
        }
    }

    /** The Dockerfile's ENTRYPOINT, on this JVM's java and the jar the build packaged. */
    private static List<String> imageCommand() throws IOException {
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT (\\[.*])$").matcher(DockerFilesTest.read("docker/Dockerfile"));
        assertThat(entrypoint.find()).as("the Dockerfile's ENTRYPOINT").isTrue();
        List<String> command = new ArrayList<>();
        for (JsonNode argument : JSON.readTree(entrypoint.group(1))) {
            String text = argument.asText();
            command.add(text.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : text.endsWith(".jar") ? packagedJar().toString() : text);
        }
        assertThat(command).contains(packagedJar().toString());
        return command;
    }

    /** What the Dockerfile copies into the image: {@code target/independent-study-*.jar}. */
    private static Path packagedJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "independent-study-*.jar")) {
            found.forEach(jars::add);
        }
        assertThat(jars).as("the packaged application (./mvnw verify packages it first)").hasSize(1);
        return jars.get(0).toAbsolutePath();
    }

    /** The final stage's ENV instructions ({@code NAME=value}, continued lines, quoted values). */
    private static Map<String, String> imageEnvironment() {
        String dockerfile = DockerFilesTest.read("docker/Dockerfile").replaceAll("\\\\\\n\\s*", " ");
        String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher env = Pattern.compile("(?m)^ENV (.*)$").matcher(finalStage);
        while (env.find()) {
            Matcher pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|\\S+)").matcher(env.group(1));
            while (pair.find()) {
                variables.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(2));
            }
        }
        assertThat(variables).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        return variables;
    }

    private static void awaitReadiness() throws Exception {
        // elapsed time, not the date: the machine's clock may be set anywhere
        long limit = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() - limit < 0) {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited with " + app.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> readiness = get("/actuator/health/readiness", null);
                if (readiness.statusCode() == 200 && readiness.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within " + STARTUP_LIMIT + ":\n" + logTail());
    }

    private static HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String logText() throws IOException {
        return Files.readString(log);
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
