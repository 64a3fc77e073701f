package org.independentstudy.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs where the suite runs, so what can be checked without one is checked here: the image
 * packages every folder the build packages, runs as non-root, and the compose file sets every variable the
 * application reads, with the mail catcher and the demo settings the README promises. {@link DemoStackIT}
 * starts the packaged application with the compose file's environment.
 */
class DockerFilesTest {

    /** An environment variable the application reads: {@code ${NAME} or ${NAME:default}}. */
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    private final String dockerfile = read("docker/Dockerfile");
    private final ComposeFile compose = ComposeFile.read();

    @Test
    @DisplayName("the image copies every source folder the build packages and runs as a non-root user")
    void dockerfileBuildsWhatTheBuildPackages() {
        for (String folder : List.of("src", "processes", "forms", "db", ".mvn")) {
            assertThat(dockerfile).as("Dockerfile copies " + folder).containsPattern("(?m)^COPY " + Pattern.quote(folder) + " ");
        }
        assertThat(dockerfile).contains("./mvnw").contains("target/independent-study-");
        assertThat(dockerfile).containsPattern("(?m)^USER app$");
        assertThat(read("pom.xml")).contains("<artifactId>independent-study</artifactId>");
    }

    @Test
    @DisplayName("compose sets every variable the application reads, with health checks and a named volume")
    @SuppressWarnings("unchecked")
    void composeMatchesTheApplicationConfiguration() {
        Map<String, Object> app = compose.service("app");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");

        assertThat(environment).containsKeys(applicationVariables().toArray(String[]::new));
        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
        assertThat(String.valueOf(environment.get("DB_URL"))).startsWith("jdbc:postgresql://db:5432/");
        assertThat(app).containsKey("healthcheck");
        assertThat(compose.service("db")).containsKey("healthcheck");
        assertThat(dependencies(app)).containsEntry("db", Map.of("condition", "service_healthy"));
        assertThat((Map<String, Object>) compose.root().get("volumes")).containsKey("db-data");
        assertThat(String.valueOf(((Map<String, Object>) app.get("healthcheck")).get("test")))
                .contains("/actuator/health/readiness");
        assertThat(dockerfile).contains("/actuator/health/readiness");
    }

    @Test
    @DisplayName("AGR-08 the demo stack mails to its Mailpit service, whose web UI is published, and links open the application's published port")
    @SuppressWarnings("unchecked")
    void demoMailGoesToMailpit() {
        Map<String, String> environment = compose.environment("app", ComposeFile.README_DEMO_SHELL);
        String mailHost = environment.get("SPRING_MAIL_HOST");
        Map<String, Object> mailpit = compose.service(mailHost);

        assertThat(String.valueOf(mailpit.get("image"))).startsWith("axllent/mailpit:");
        assertThat(environment.get("SPRING_MAIL_PORT")).as("Mailpit's SMTP port").isEqualTo("1025");
        assertThat((List<String>) mailpit.get("ports")).as("Mailpit's web UI").contains("8025:8025");
        assertThat(String.valueOf(((Map<String, Object>) mailpit.get("healthcheck")).get("test"))).contains("readyz");
        assertThat(dependencies(compose.service("app")))
                .containsEntry(mailHost, Map.of("condition", "service_healthy", "required", false));
        assertThat((List<String>) mailpit.get("profiles")).as("Mailpit runs in the profile the README's demo command "
                + "selects").containsExactly(ComposeFile.README_DEMO_SHELL.get("COMPOSE_PROFILES"));

        URI publicBaseUrl = URI.create(environment.get("ISP_PUBLIC_BASE_URL"));
        assertThat(publicBaseUrl.getHost()).isEqualTo("localhost");
        assertThat((List<String>) compose.service("app").get("ports"))
                .as("the host port the links open is published to the application's port 8080")
                .contains(publicBaseUrl.getPort() + ":8080");
        assertThat(environment).containsEntry("DEMO_DATA", "true");
    }

    @Test
    @DisplayName("AGR-08 without DEMO_DATA compose passes an empty ISP_SIGNING_SECRET and demo data off, so production must set the secret")
    @SuppressWarnings("unchecked")
    void productionHasNoSecretOfItsOwn() {
        Map<String, String> environment = compose.environment("app", Map.of());

        assertThat(environment).containsEntry("DEMO_DATA", "false").containsEntry("ISP_SIGNING_SECRET", "");
        assertThat(compose.environment("app", Map.of("ISP_SIGNING_SECRET", "district-secret")))
                .containsEntry("ISP_SIGNING_SECRET", "district-secret");
        // production runs no profile: every service it starts is profile-free, and the app needs only those
        Map<String, Object> services = (Map<String, Object>) compose.root().get("services");
        dependencies(compose.service("app")).forEach((name, condition) -> {
            boolean required = !Boolean.FALSE.equals(((Map<String, Object>) condition).get("required"));
            boolean startedWithoutProfile = !((Map<String, Object>) services.get(name)).containsKey("profiles");
            assertThat(!required || startedWithoutProfile).as("app requires " + name + ", which production "
                    + "does not start").isTrue();
        });
    }

    @Test
    @DisplayName("Issue 13.2 the nodes' override puts HAProxy on the application's published port in front of every node, with sticky sessions and the readiness check, and publishes no node's own port")
    @SuppressWarnings("unchecked")
    void nodesBehindALoadBalancer() {
        ComposeFile nodes = ComposeFile.read(ComposeFile.NODES);
        assertThat(nodes.service("app")).containsEntry("ports", ComposeFile.RESET);
        Map<String, Object> lb = nodes.service("lb");

        assertThat(String.valueOf(lb.get("image"))).startsWith("haproxy:");
        assertThat((List<String>) lb.get("ports")).as("the port a single node publishes, which signing links open")
                .isEqualTo(compose.service("app").get("ports")).containsExactly("8080:8080");
        assertThat((List<String>) lb.get("volumes")).containsExactly("./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        assertThat(dependencies(lb)).containsEntry("app", Map.of("condition", "service_healthy"));
        assertThat(read("docker/haproxy.cfg"))
                .containsPattern("(?m)^\\s+bind :8080$")
                .as("sticky sessions: a cookie naming the node").containsPattern("(?m)^\\s+cookie \\S+ insert ")
                .containsPattern("(?m)^\\s+option httpchk GET /actuator/health/readiness$")
                .as("every node the service name resolves to")
                .containsPattern("(?m)^\\s+server-template \\S+ \\d+ app:8080 check resolvers docker ");
    }

    @Test
    @DisplayName("the compose file is read with compose's substitutions: defaults for unset or empty, required values, $$")
    void composeSubstitutions() {
        Map<String, String> shell = Map.of("SET", "value", "EMPTY", "");

        assertThat(ComposeFile.substitute("${SET:-d} ${EMPTY:-d} ${UNSET:-d} ${EMPTY-d} ${UNSET-d}", shell))
                .isEqualTo("value d d  d");
        assertThat(ComposeFile.substitute("$SET ${UNSET} ${SET:+on} ${EMPTY:+on} $$SET", shell))
                .isEqualTo("value  on  $SET");
        assertThatThrownBy(() -> ComposeFile.substitute("${EMPTY:?set EMPTY}", shell)).hasMessageContaining("set EMPTY");
        assertThat(ComposeFile.substitute("${EMPTY?set EMPTY}", shell)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dependencies(Map<String, Object> service) {
        return (Map<String, Object>) service.get("depends_on");
    }

    /** The ${VARIABLES} application.yml reads, in any profile. */
    private static Set<String> applicationVariables() {
        Set<String> names = new HashSet<>();
        Matcher m = ENVIRONMENT_VARIABLE.matcher(read("src/main/resources/application.yml"));
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("variables of application.yml")
                .contains("DB_URL", "DB_USER", "DB_PASSWORD", "DEMO_DATA", "ISP_SIGNING_SECRET");
        return names;
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }
}
