package org.independentstudy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the suite runs, so what can be checked without one is checked here: the image
 * packages every folder the build packages, runs as non-root, and the compose file sets every variable the
 * production profile reads.
 */
class DockerFilesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    private final String dockerfile = read("docker/Dockerfile");
    private final Map<String, Object> compose = new Yaml().load(read("docker/docker-compose.yml"));

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
    @DisplayName("compose sets every variable the postgres profile reads, with health checks and a named volume")
    @SuppressWarnings("unchecked")
    void composeMatchesTheApplicationConfiguration() {
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        Map<String, Object> db = (Map<String, Object>) services.get("db");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");

        assertThat(environment).containsKeys(postgresProfileVariables().toArray(String[]::new));
        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
        assertThat(String.valueOf(environment.get("DB_URL"))).startsWith("jdbc:postgresql://db:5432/");
        assertThat(app).containsKey("healthcheck");
        assertThat(db).containsKey("healthcheck");
        assertThat((Map<String, Object>) app.get("depends_on")).containsKey("db");
        assertThat((Map<String, Object>) compose.get("volumes")).containsKey("db-data");
        assertThat(String.valueOf(((Map<String, Object>) app.get("healthcheck")).get("test")))
                .contains("/actuator/health/readiness");
        assertThat(dockerfile).contains("/actuator/health/readiness");
    }

    /** The ${VARIABLES} of the postgres profile document in application.yml. */
    private static Set<String> postgresProfileVariables() {
        String yaml = read("src/main/resources/application.yml");
        String profile = yaml.substring(yaml.indexOf("on-profile: postgres"));
        Set<String> names = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(profile);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("variables of the postgres profile").contains("DB_URL", "DB_USER", "DB_PASSWORD");
        return names;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }
}
