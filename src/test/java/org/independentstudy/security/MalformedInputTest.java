package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.Uploads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 13.6: every endpoint of our API that takes a body (the POST rows of {@value RoleEndpointMatrixTest#MATRIX})
 * and every import is sent a generated corpus of malformed input, as a role that may call it: broken and truncated
 * JSON, the wrong JSON types, missing, null and unknown fields, values out of range, bodies and files over the
 * limits, the wrong content type and charset, truncated files and binary garbage. The answer is a 4xx problem
 * detail naming what is wrong, never a 5xx, and no table of ours gains or loses a row. The corpus is drawn from a
 * fixed seed, so a failure repeats.
 */
@IntegrationTest
class MalformedInputTest {

    private static final long SEED = 136L;
    /**
     * Generated bodies per JSON endpoint: the first half with one value JSON cannot map, the rest with one value out
     * of the range of anything the field may hold (a date centuries away, a text longer than any column).
     */
    private static final int GENERATED_BODIES = 8;
    /** Who calls an endpoint: the first of these the matrix lets through its role check (answer 4xx). */
    private static final List<String> CALLERS = List.of("admin", "teacher", "counselor", "principal", "sped");
    private static final Set<Integer> REFUSALS = Set.of(400, 404, 409, 413, 415, 422);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ActivePlacements placements;
    @Value("${isp.api.max-body-size}")
    DataSize bodyLimit;
    @Value("${spring.servlet.multipart.max-request-size}")
    DataSize uploadLimit;

    @TestFactory
    @DisplayName("Issue 13.6: every POST of our API and every import answers malformed input with a 4xx problem "
            + "naming what is wrong, never a 5xx, and writes nothing")
    Stream<DynamicContainer> everyEndpointRefusesMalformedInput() {
        // the case endpoints are called on a real active case, so that the body is read by the domain, not refused
        // for an unknown case
        Long caseId = placements.traditional("S100011", "teacher").caseId();
        Map<String, RoleEndpointMatrixTest.Row> endpoints = RoleEndpointMatrixTest.rows()
                .filter(row -> WRITES.contains(row.method()) && row.endpoint().startsWith("/api/"))
                .collect(Collectors.toMap(row -> row.method() + " " + row.endpoint(), Function.identity(),
                        (first, other) -> first, LinkedHashMap::new));
        return endpoints.values().stream().map(row -> {
            String caller = callerOf(row);
            String path = row.endpoint().startsWith("/api/cases/")
                    ? row.endpoint().replaceAll("\\{(id|caseId)}", caseId.toString())
                    : row.endpoint().replaceAll("\\{[^}]*}", "0");
            String name = "Issue 13.6: " + row.method() + " " + row.endpoint() + " as " + caller;
            return DynamicContainer.dynamicContainer(name, corpus(handlerOf(row)).stream()
                    .map(sample -> DynamicTest.dynamicTest(name + ": " + sample.name(),
                            () -> refused(row.method(), path, caller, sample))));
        });
    }

    private static String callerOf(RoleEndpointMatrixTest.Row row) {
        return CALLERS.stream()
                .filter(caller -> row.expected().get(RoleEndpointMatrixTest.CALLERS.indexOf(caller)).equals("4xx"))
                .findFirst().orElseThrow(() -> new AssertionError("No role of " + CALLERS + " gets past the role "
                        + "check of " + row + " in " + RoleEndpointMatrixTest.MATRIX));
    }

    private HandlerMethod handlerOf(RoleEndpointMatrixTest.Row row) {
        return mvc.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getPatternValues().contains(row.endpoint())
                        && e.getKey().getMethodsCondition().getMethods().stream()
                        .anyMatch(m -> m.name().equals(row.method())))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the check

    private void refused(String method, String path, String caller, Sample sample) throws IOException {
        Map<String, Long> before = rowCounts();
        ResponseEntity<String> answer = as(rest, caller).exchange(path, HttpMethod.valueOf(method), sample.request(),
                String.class);
        assertThat(answer.getStatusCode().value()).as("status of %s %s with %s: %s", method, path, sample.name(),
                answer.getBody()).isIn(REFUSALS);
        assertThat(answer.getHeaders().getContentType()).as("content type of the answer %s", answer.getBody())
                .isNotNull().matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.path("detail").asText()).as("the problem's detail: %s", answer.getBody()).isNotBlank();
        if (sample.names() != null) {
            assertThat(answer.getBody()).as("the problem names '%s'", sample.names()).contains(sample.names());
        }
        assertThat(rowCounts()).as("rows of each table after %s", sample.name()).isEqualTo(before);
    }

    /** The rows of each of our tables, and the engine's running processes and tasks. */
    private Map<String, Long> rowCounts() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables where "
                + "table_schema = 'PUBLIC' and table_type = 'BASE TABLE' and (table_name not like 'ACT\\_%' or "
                + "table_name in ('ACT_RU_EXECUTION', 'ACT_RU_TASK', 'ACT_RU_VARIABLE')) "
                + "and table_name <> 'app_schema_history'", String.class);
        String counts = tables.stream().map(t -> "select '" + t + "', count(*) from \"" + t + "\"")
                .collect(Collectors.joining(" union all "));
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.query(counts, rs -> {
            rows.put(rs.getString(1), rs.getLong(2));
        });
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the corpus

    /** One malformed request; {@code names} is a word the problem must contain, or null. */
    record Sample(String name, HttpEntity<?> request, String names) {
    }

    private List<Sample> corpus(HandlerMethod handler) {
        MethodParameter body = Arrays.stream(handler.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestBody.class)).findFirst().orElse(null);
        boolean upload = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == MultipartFile.class);
        Random random = new Random(SEED + handler.getMethod().getName().hashCode());
        if (upload) {
            return uploads(handler, random);
        }
        return jsonBodies(body == null ? null : body.getGenericParameterType(),
                body == null || !body.getParameterAnnotation(RequestBody.class).required(), random);
    }

    private List<Sample> jsonBodies(Type type, boolean optional, Random random) {
        List<String> fields = type instanceof Class<?> c && c.isRecord()
                ? Arrays.stream(c.getRecordComponents()).map(RecordComponent::getName).toList() : List.of("value");
        String first = fields.get(0);
        List<Sample> samples = new ArrayList<>(List.of(
                json("JSON cut in the middle", "{\"" + first + "\": [", null),
                json("an array instead of an object", "[{}]", null),
                json("a string instead of an object", "\"harmless\"", null),
                json("a number instead of an object", "13.6", null),
                json("an object of unknown fields", "{\"" + first + "\": {\"unknownField\": 1}}", null),
                new Sample("text/plain instead of JSON", entity("{}".getBytes(StandardCharsets.UTF_8),
                        MediaType.TEXT_PLAIN), "Content-Type"),
                new Sample("XML instead of JSON", entity("<request/>".getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_XML), "Content-Type"),
                new Sample("ISO-8859-1 bytes declared UTF-8", entity(("{\"" + first + "\": \"Jos\u00e9 N\u00fa\u00f1ez\"}")
                        .getBytes(StandardCharsets.ISO_8859_1), new MediaType("application", "json",
                        StandardCharsets.UTF_8)), null),
                new Sample("UTF-16 bytes declared UTF-8", entity(("{\"" + first + "\": {\"\u00e9t\u00e9\": 1}}")
                        .getBytes(StandardCharsets.UTF_16), new MediaType("application", "json",
                        StandardCharsets.UTF_8)), null),
                json("a body over the limit", "{\"" + first + "\": \"" + "a".repeat((int) bodyLimit.toBytes())
                        + "\"}", "body")));
        if (!optional) {
            // without a body, or an empty one, an optional body's endpoint gets a valid request
            samples.add(json("JSON null", "null", null));
            samples.add(json("no body", "", null));
            samples.add(json("unknown fields only", "{\"unknownField\": 1, \"__proto__\": {\"admin\": true}}", null));
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            for (int i = 0; i < GENERATED_BODIES; i++) {
                samples.add(generated(c, i, random, i < GENERATED_BODIES / 2));
            }
        }
        return samples;
    }

    /**
     * A body of the record's fields, each missing, null or a value of its type at the edges of its range, but one:
     * a value JSON cannot map to it, or one out of any range it may take.
     */
    private Sample generated(Class<?> record, int index, Random random, boolean unmappable) {
        RecordComponent[] components = record.getRecordComponents();
        List<RecordComponent> rangeless = Arrays.stream(components)
                .filter(c -> Values.outOfRange(c.getGenericType(), random) != null).toList();
        boolean outOfRange = !unmappable && !rangeless.isEmpty();
        RecordComponent wrong = outOfRange ? rangeless.get(random.nextInt(rangeless.size()))
                : components[random.nextInt(components.length)];
        Map<String, Object> body = new LinkedHashMap<>();
        for (RecordComponent component : components) {
            if (component == wrong) {
                body.put(component.getName(), outOfRange ? Values.outOfRange(component.getGenericType(), random)
                        : Values.unmappable(component.getGenericType(), random));
            } else if (random.nextInt(4) > 0) {
                body.put(component.getName(), random.nextInt(5) == 0 ? null
                        : Values.edge(component.getGenericType(), random, 0));
            }
        }
        try {
            String text = json.writeValueAsString(body);
            String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
            return json("generated #" + index + " " + shown, text, outOfRange ? null : wrong.getName());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sample json(String name, String body, String names) {
        return new Sample(name, entity(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON), names);
    }

    private static HttpEntity<byte[]> entity(byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return new HttpEntity<>(body, headers);
    }

    private List<Sample> uploads(HandlerMethod handler, Random random) {
        String path = handler.getBeanType().getSimpleName();
        String extension = switch (path) {
            case "CalendarController" -> ".ics";
            case "ParticipationController" -> ".csv";
            case "RostersController" -> ".zip";
            default -> ".pdf";
        };
        byte[] garbage = new byte[2048];
        random.nextBytes(garbage);
        List<Sample> samples = new ArrayList<>(List.of(
                upload("binary garbage", "garbage" + extension, garbage),
                upload("an empty file", "empty" + extension, new byte[0]),
                new Sample("no file", Uploads.form(new LinkedMultiValueMap<>(), null, null), null),
                upload("a file over the upload limit", "huge" + extension,
                        new byte[(int) uploadLimit.toBytes() + 1024]),
                new Sample("JSON instead of a form", entity("{}".getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON), "Content-Type")));
        switch (path) {
            case "CalendarController" -> {
                String ics = text("calendars/google-export-2025-26.ics");
                String csv = text("calendars/demo-usd-2026-27.csv");
                samples.add(upload("an .ics cut in the middle of an event", "cut.ics",
                        cutAfter(ics, "DTSTART").getBytes(StandardCharsets.UTF_8)));
                samples.add(upload("a CSV cut in the middle of a line", "cut.csv",
                        cutAfter(csv, "2026-11-2").getBytes(StandardCharsets.UTF_8)));
                samples.add(upload("an .ics in UTF-16", "utf16.ics", ics.getBytes(StandardCharsets.UTF_16)));
                samples.add(upload("a CSV in ISO-8859-1", "latin1.csv",
                        csv.replace("Labor Day", "D\u00eda del Trabajo").getBytes(StandardCharsets.ISO_8859_1)));
                samples.add(upload("a year out of range", "far.csv", csv.replaceAll("202[67]-", "9999-")
                        .getBytes(StandardCharsets.UTF_8)));
                samples.add(form("replace=maybe", Map.of("replace", "maybe"), "cut.csv", csv, "replace"));
            }
            case "ParticipationController" -> {
                String report = text("participation-reports/zoom-participants.csv");
                samples.add(upload("a CSV cut in the middle of a line", "cut.csv",
                        cutAfter(report, "Ana Lopez,ana").getBytes(StandardCharsets.UTF_8)));
                samples.add(upload("a CSV in UTF-16 without its byte order mark", "utf16.csv",
                        report.getBytes(StandardCharsets.UTF_16LE)));
                samples.add(upload("a CSV in ISO-8859-1", "latin1.csv", report.replace("Ana Lopez", "Ana L\u00f3pez")
                        .getBytes(StandardCharsets.ISO_8859_1)));
                samples.add(upload("dates out of range", "far.csv", report.replace("/2027 ", "/99999 ")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            case "RostersController" -> {
                byte[] zip = bytes("rosters/oneroster-1.2.zip");
                samples.add(upload("a zip cut in half", "cut.zip", Arrays.copyOf(zip, zip.length / 2)));
                samples.add(upload("a zip cut before its directory", "cut.zip", Arrays.copyOf(zip, zip.length - 30)));
            }
            default -> {
                byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.US_ASCII);
                samples.add(upload("a PDF cut in the middle", "cut.pdf", pdf));
                handlerParameters(handler).forEach((name, type) -> samples.add(form(name + " of the wrong type",
                        Map.of(name, String.valueOf(Values.unmappable(type, random))), "cut.pdf",
                        new String(pdf, StandardCharsets.US_ASCII), name)));
            }
        }
        return samples;
    }

    /** The form fields other than the file that are not text, by name. */
    private static Map<String, Type> handlerParameters(HandlerMethod handler) {
        Map<String, Type> fields = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            Class<?> type = parameter.getParameterType();
            if (param != null && type != MultipartFile.class && type != String.class) {
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                fields.put(param.name().isEmpty() ? parameter.getParameterName() : param.name(), type);
            }
        }
        return fields;
    }

    private static Sample upload(String name, String fileName, byte[] content) {
        return new Sample(name, Uploads.file(fileName, content), null);
    }

    private static Sample form(String name, Map<String, String> fields, String fileName, String content,
                               String names) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return new Sample(name, Uploads.form(form, fileName, content.getBytes(StandardCharsets.UTF_8)), names);
    }

    /** The text up to and a little into the first occurrence of {@code marker}: cut mid-line. */
    private static String cutAfter(String text, String marker) {
        int at = text.indexOf(marker);
        assertThat(at).as("'%s' in the fixture", marker).isNotNegative();
        return text.substring(0, at + marker.length());
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = MalformedInputTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON values by Java type: at the edges of the type's range, or of a JSON type the field cannot take. */
    static final class Values {

        private static final List<String> TEXTS = List.of("", " ", "x", "Robert'); DROP TABLE student;--",
                "\uD83D\uDE00", "<script>alert(1)</script>");
        private static final List<String> DATES = List.of("2026-09-01", "2027-01-11", "2027-02-15", "2027-06-30");
        private static final List<String> FAR_DATES = List.of("0001-01-01", "1900-01-01", "9999-12-31",
                "+10000-01-01", "-0001-01-01");
        private static final List<String> BAD_DATES = List.of("2026-13-45", "99999-01-01", "2026-02-30", "yesterday");

        private Values() {
        }

        static Object edge(Type type, Random random, int depth) {
            Class<?> raw = raw(type);
            if (raw == String.class) {
                return pick(TEXTS, random);
            }
            if (raw == int.class || raw == Integer.class) {
                return pick(List.of(0, 1, 60), random);
            }
            if (raw == long.class || raw == Long.class) {
                return pick(List.of(0L, 1L), random);
            }
            if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
                return pick(List.of(BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.TEN), random);
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return random.nextBoolean();
            }
            if (raw == LocalDate.class) {
                return pick(DATES, random);
            }
            if (raw == OffsetDateTime.class) {
                return pick(DATES, random) + "T00:00:00Z";
            }
            if (raw.isEnum()) {
                return pick(Arrays.asList(raw.getEnumConstants()), random);
            }
            if (List.class.isAssignableFrom(raw)) {
                Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
                return switch (random.nextInt(3)) {
                    case 0 -> List.of();
                    case 1 -> Arrays.asList((Object) null);
                    default -> depth > 2 ? List.of() : List.of(edge(element, random, depth + 1));
                };
            }
            if (raw.isRecord() && depth <= 2) {
                Map<String, Object> nested = new LinkedHashMap<>();
                for (RecordComponent component : raw.getRecordComponents()) {
                    if (random.nextInt(4) > 0) {
                        nested.put(component.getName(), edge(component.getGenericType(), random, depth + 1));
                    }
                }
                return nested;
            }
            return null;
        }

        /** A value of the type no field of ours may hold, or null when the type has no such value. */
        static Object outOfRange(Type type, Random random) {
            Class<?> raw = raw(type);
            if (raw == String.class) {
                return "a".repeat(5000);
            }
            if (raw == int.class || raw == Integer.class) {
                return pick(List.of(-1, Integer.MAX_VALUE, Integer.MIN_VALUE), random);
            }
            if (raw == long.class || raw == Long.class) {
                return pick(List.of(-1L, Long.MAX_VALUE, Long.MIN_VALUE), random);
            }
            if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
                return pick(List.of(new BigDecimal("-1"), new BigDecimal("1E+308"), new BigDecimal("0.0000001"),
                        new BigDecimal("123456789012345678901234567890")), random);
            }
            if (raw == LocalDate.class) {
                return pick(FAR_DATES, random);
            }
            if (raw == OffsetDateTime.class) {
                return pick(FAR_DATES, random) + "T00:00:00Z";
            }
            return null;
        }

        static Object unmappable(Type type, Random random) {
            Class<?> raw = raw(type);
            if (raw == String.class) {
                return random.nextBoolean() ? Map.of("nested", true) : List.of(1, 2);
            }
            if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
                return pick(List.of("twelve", new BigDecimal("1E+30"), Map.of()), random);
            }
            if (raw == BigDecimal.class || raw == double.class || raw == Double.class) {
                return pick(List.of("twelve", Map.of()), random);
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return pick(List.of("maybe", Map.of()), random);
            }
            if (raw == LocalDate.class) {
                return pick(BAD_DATES, random);
            }
            if (raw == OffsetDateTime.class) {
                return pick(BAD_DATES, random) + "T00:00:00Z";
            }
            if (raw.isEnum()) {
                return "NOT_A_CHOICE";
            }
            if (List.class.isAssignableFrom(raw)) {
                return Map.of("a", 1);
            }
            return List.of(1, 2);
        }

        private static Class<?> raw(Type type) {
            return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        }

        private static <T> T pick(List<T> values, Random random) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
