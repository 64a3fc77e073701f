package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.glassfish.jersey.server.ResourceConfig;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.WebappLogin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 13.8: one table, {@value #MATRIX}, says what anonymous callers and each role get from every endpoint of our
 * API, every resource of /engine-rest, our pages and the Camunda webapps. Each row is called as each of them with a
 * harmless request (unknown ids, bodies that fail validation); an endpoint without a row fails the build, and the
 * failure names the row to add.
 */
@IntegrationTest
class RoleEndpointMatrixTest {

    static final String MATRIX = "src/test/resources/security/role-endpoint-matrix.md";
    /** The table's answer columns, in order: anonymous, then the demo user of each role. */
    static final List<String> CALLERS = List.of("anonymous", "counselor", "teacher", "principal", "sped", "analyst",
            "admin");
    private static final String ENGINE_REST = "/engine-rest";
    /** Table rows of these prefixes must name an endpoint that exists: the enumeration covers them completely. */
    private static final List<String> ENUMERATED = List.of("/api/", ENGINE_REST + "/");

    /** Webapp sessions by server and user: a login per user, not per row. */
    private static final Map<String, HttpHeaders> WEBAPP_SESSIONS = new ConcurrentHashMap<>();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvc;
    @Autowired
    ResourceConfig engineRest;

    @ParameterizedTest(name = "Issue 13.8: {0}")
    @MethodSource("rows")
    void eachCallerGetsTheAnswerTheMatrixSays(Row row) {
        // the callers' requests in parallel: each checks a password, the time this test takes
        List<Integer> observed = CALLERS.parallelStream().map(caller -> call(row, caller)).toList();
        List<String> wrong = IntStream.range(0, CALLERS.size())
                .filter(i -> !Answer.matches(row.expected().get(i), observed.get(i)))
                .mapToObj(i -> CALLERS.get(i) + " got " + observed.get(i) + ", not " + row.expected().get(i))
                .toList();
        assertThat(wrong).as("%s, line %d of %s%n  expected %s%n  observed %s", row, row.line(), MATRIX,
                row.expected(), observed).isEmpty();
    }

    @Test
    @DisplayName("Issue 13.8: every endpoint of our API and every resource of /engine-rest has a row in the matrix, "
            + "and no row names an endpoint that is gone")
    void everyEndpointHasARow() {
        List<Row> rows = rows().toList();
        List<Endpoint> endpoints = Stream.concat(mvcEndpoints(), engineRestResources()).distinct().sorted().toList();
        List<String> missing = endpoints.stream()
                .filter(endpoint -> rows.stream().noneMatch(endpoint::coveredBy))
                .map(this::suggestedRow)
                .toList();
        List<String> gone = rows.stream()
                .filter(row -> ENUMERATED.stream().anyMatch(row.endpoint()::startsWith))
                .filter(row -> endpoints.stream().noneMatch(endpoint -> endpoint.coveredBy(row)))
                .map(row -> "line " + row.line() + ": " + row)
                .toList();
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing).as("Endpoints without a row. Add these rows to %s (the answers are today's: "
                    + "check each against who may call it, and fill in the request column when the endpoint needs a "
                    + "body, query or real path values to get past validation):%n%s%n", MATRIX,
                    String.join("\n", missing)).isEmpty();
            softly.assertThat(gone).as("Rows in %s whose endpoint no longer exists: remove or update them", MATRIX)
                    .isEmpty();
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // the table

    /** One row: who gets what from one request to one endpoint. */
    record Row(String method, String endpoint, String request, List<String> expected, int line) {

        /** The request's path and query: the request column's first word, else the endpoint, ids as 0. */
        String target() {
            return request.isBlank() ? endpoint.replaceAll("\\{[^}]*}", "0") : request.split(" ", 2)[0];
        }

        /** What the request column sends after the path: nothing, JSON or "multipart". */
        String body() {
            String[] parts = request.split(" ", 2);
            return parts.length > 1 ? parts[1].strip() : "";
        }

        @Override
        public String toString() {
            return method + " " + endpoint + (request.isBlank() ? "" : " as " + request);
        }
    }

    static Stream<Row> rows() {
        List<String> lines = matrixLines();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::strip).toList();
            if (cells.get(0).equals("method")) {
                assertThat(cells.subList(3, cells.size())).as("the answer columns on line %d of %s", i + 1, MATRIX)
                        .isEqualTo(CALLERS);
            } else if (!cells.get(0).startsWith("-")) {
                assertThat(cells).as("line %d of %s: method, endpoint, request and one answer per caller", i + 1,
                        MATRIX).hasSize(3 + CALLERS.size());
                rows.add(new Row(cells.get(0), cells.get(1).replace("`", ""), cells.get(2).replace("`", ""),
                        cells.subList(3, cells.size()), i + 1));
            }
        }
        return rows.stream();
    }

    private static List<String> matrixLines() {
        try (InputStream in = RoleEndpointMatrixTest.class.getResourceAsStream("/security/role-endpoint-matrix.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer column: an exact status, or 2xx/3xx, or 4xx (a client error other than 401 and 403). */
    static final class Answer {

        private Answer() {
        }

        static boolean matches(String expected, int status) {
            if (expected.matches("\\d{3}")) {
                return status == Integer.parseInt(expected);
            }
            return switch (expected) {
                case "2xx" -> status / 100 == 2;
                case "3xx" -> status / 100 == 3;
                case "4xx" -> status / 100 == 4 && status != 401 && status != 403;
                default -> throw new IllegalArgumentException("Not an answer: '" + expected + "' (use a status, "
                        + "2xx, 3xx or 4xx)");
            };
        }

        /** How a new row states an observed status: 401 and 403 exactly, otherwise its class. */
        static String of(int status) {
            return status == 401 || status == 403 ? String.valueOf(status) : status / 100 + "xx";
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // the endpoints

    /** An endpoint: our API's method and path pattern, or a /engine-rest resource (any method). */
    record Endpoint(String method, String path) implements Comparable<Endpoint> {

        static final String ANY = "*";

        boolean coveredBy(Row row) {
            return path.equals(row.endpoint()) && (method.equals(ANY) || method.equals(row.method()));
        }

        @Override
        public int compareTo(Endpoint other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    /** Every handler method of Spring MVC except Boot's error page, by method and path pattern. */
    private Stream<Endpoint> mvcEndpoints() {
        return mvc.getHandlerMethods().entrySet().stream()
                .filter(e -> !BasicErrorController.class.isAssignableFrom(e.getValue().getBeanType()))
                .map(Map.Entry::getKey)
                .flatMap(RoleEndpointMatrixTest::endpointsOf);
    }

    private static Stream<Endpoint> endpointsOf(RequestMappingInfo info) {
        Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        if (methods.isEmpty()) {
            methods.add(Endpoint.ANY);
        }
        return info.getPatternValues().stream().flatMap(path -> methods.stream().map(m -> new Endpoint(m, path)));
    }

    /**
     * Every resource the Jersey application of /engine-rest serves: each root resource's path, and the paths its
     * sub-resource locators add without a path parameter (/task, /history, /history/task, ...).
     */
    private Stream<Endpoint> engineRestResources() {
        List<String> paths = new ArrayList<>();
        for (Class<?> type : engineRest.getClasses()) {
            Path root = type.getAnnotation(Path.class);
            if (root != null) {
                collectResources(type, join(ENGINE_REST, root.value()), paths);
            }
        }
        return paths.stream().map(path -> new Endpoint(Endpoint.ANY, path));
    }

    private static void collectResources(Class<?> type, String path, List<String> paths) {
        paths.add(path);
        for (Method method : type.getMethods()) {
            Path sub = method.getAnnotation(Path.class);
            if (sub != null && !sub.value().contains("{") && !isResourceMethod(method)) {
                collectResources(method.getReturnType(), join(path, sub.value()), paths);
            }
        }
    }

    private static boolean isResourceMethod(Method method) {
        return Arrays.stream(method.getAnnotations()).map(Annotation::annotationType)
                .anyMatch(a -> a.isAnnotationPresent(HttpMethod.class));
    }

    private static String join(String base, String path) {
        String joined = (base + "/" + path).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private String suggestedRow(Endpoint endpoint) {
        String method = endpoint.method().equals(Endpoint.ANY) ? "GET" : endpoint.method();
        Row probe = new Row(method, endpoint.path(), "", CALLERS, 0);
        return "| " + method + " | `" + endpoint.path() + "` | | " + CALLERS.stream()
                .map(caller -> Answer.of(call(probe, caller))).collect(Collectors.joining(" | ")) + " |";
    }

    // ---------------------------------------------------------------------------------------------------------
    // the calls

    /** The status the caller gets: HTTP Basic for our API and /engine-rest, a webapp session for /camunda. */
    private int call(Row row, String caller) {
        boolean anonymous = caller.equals("anonymous");
        HttpHeaders headers = new HttpHeaders();
        if (row.target().startsWith("/camunda/") && !anonymous) {
            headers.addAll(WEBAPP_SESSIONS.computeIfAbsent(rest.getRootUri() + " " + caller,
                    key -> WebappLogin.session(rest, caller, "tasklist")));
        }
        // a redirect is an answer of its own: an anonymous person's browser is sent to the login page
        TestRestTemplate client = (anonymous || row.target().startsWith("/camunda/") ? rest : as(rest, caller))
                .withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
        Object body = body(row, headers);
        RequestEntity.BodyBuilder request = RequestEntity.method(
                org.springframework.http.HttpMethod.valueOf(row.method()), URI.create(rest.getRootUri() + row.target()))
                .headers(headers);
        return client.exchange(body == null ? request.build() : request.body(body), String.class)
                .getStatusCode().value();
    }

    /** The request body, and its content type in the headers. */
    private Object body(Row row, HttpHeaders headers) {
        String body = row.body();
        if (body.isEmpty()) {
            return null;
        }
        if (body.equals("multipart")) {
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("file", new ByteArrayResource("x".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "harmless.txt";
                }
            });
            return parts;
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return body;
    }
}
