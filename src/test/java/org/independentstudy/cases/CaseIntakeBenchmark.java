package org.independentstudy.cases;

import static org.independentstudy.support.Api.as;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.independentstudy.benchmark.Figures;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A family's request end to end: HTTP, validation, the case record, the case process to the agreement's
 * drafting task, all committed; then reading the case back as a counselor does. Run with
 * {@code ./mvnw -q test -Pbenchmark}; prints figures, asserts nothing.
 */
@IntegrationTest
class CaseIntakeBenchmark {

    /** Students without an IEP, 504 plan or home/hospital instruction: every request goes straight through. */
    private static final List<String> STUDENTS = List.of("S100001", "S100002", "S100003", "S100005", "S100008",
            "S100009", "S100010", "S100012", "S100014", "S100015");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoStudents students;

    @Test
    void requestsAndCaseViews() {
        TestRestTemplate counselor = as(rest, "counselor");
        URI[] created = new URI[300];
        AtomicInteger sent = new AtomicInteger();
        // one open case per student: each request, warm-up included, is for a student of its own, made before
        // the clock runs
        List<FamilyRequest> requests = IntStream.range(0, 2 * created.length)
                .mapToObj(i -> students.requestForNewStudentLike(STUDENTS.get(i % STUDENTS.size())).build()).toList();
        Figures.measure("intake: POST /api/cases to the agreement's drafting task", created.length, i -> {
            ResponseEntity<String> response = counselor.postForEntity("/api/cases",
                    requests.get(sent.getAndIncrement()), String.class);
            if (response.getStatusCode() != HttpStatus.CREATED) {
                throw new IllegalStateException("request " + i + " not created: " + response.getBody());
            }
            created[i % created.length] = response.getHeaders().getLocation();
            return response;
        });
        Figures.measure("case view: GET /api/cases/{id}", 1_000,
                i -> counselor.getForObject(created[i % created.length], String.class));
    }
}
