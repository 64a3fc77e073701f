package org.independentstudy.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.RequestBuilder;

/**
 * Families' requests for independent study as a counselor enters them through a node's API: a long-term placement
 * from January 2027, the parent asking for the pre-enrollment conference, whose scheduling deadline (ENR-02: a
 * number of school days after the request) is the school-day timer the fault tests watch.
 */
final class FamilyRequestsOverHttp {

    /** The clock of the nodes when the requests come in: a school day. */
    static final ZonedDateTime REQUESTS_COME_IN = FixedEngineClock.DECEMBER_FIRST;
    /** After every deadline of requests received up to {@link #REQUESTS_COME_IN}. */
    static final ZonedDateTime DEADLINES_PASSED = REQUESTS_COME_IN.plusDays(9);

    /** Demo students without an IEP, a 504 plan or another need that takes their request elsewhere. */
    static final List<String> STUDENTS = List.of("S100003", "S100005", "S100007", "S100009", "S100010", "S100011",
            "S100012", "S100018", "S100019", "S100023", "S100024", "S100025", "S100026", "S100027", "S100032",
            "S100033", "S100034", "S100035", "S100036");

    static final LocalDate START = LocalDate.of(2027, 1, 11);
    static final LocalDate END = LocalDate.of(2027, 3, 26);

    static final String SCHEDULING_DEADLINE = "conferenceSchedulingOverdue";
    static final String FOLLOW_UP_TASK = "followUpConferenceScheduling";

    private FamilyRequestsOverHttp() {
    }

    /** The student's request by their first parent, received on {@code receivedOn}, with a conference asked for. */
    static RequestBuilder withConference(ApplicationNode node, String studentNumber, LocalDate receivedOn)
            throws IOException, InterruptedException {
        return request(node, studentNumber, receivedOn).withConference(false);
    }

    /** The student's request by their first parent, received on {@code receivedOn}. */
    static RequestBuilder request(ApplicationNode node, String studentNumber, LocalDate receivedOn)
            throws IOException, InterruptedException {
        RequestBuilder request = RequestBuilder.forStudent(studentNumber, parentOf(node, studentNumber).get("id").asLong());
        request.receivedOn = receivedOn;
        return request.dates(START, END);
    }

    /** The student's first parent, guardian or caregiver: id, fullName, email. */
    static JsonNode parentOf(ApplicationNode node, String studentNumber) throws IOException, InterruptedException {
        return node.json(node.get("counselor", "/api/students/" + studentNumber)).get("guardians").get(0);
    }

    /** The id of the case's open task at this step, as the case view lists it. */
    static String taskOf(ApplicationNode node, long caseId, String step) throws IOException, InterruptedException {
        for (JsonNode task : node.json(node.get("counselor", "/api/cases/" + caseId)).get("openTasks")) {
            if (task.get("step").asText().equals(step)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("case " + caseId + " has no open task " + step);
    }

    /** Sends the request as the counselor; the answer, whatever it is. */
    static HttpResponse<String> send(ApplicationNode node, RequestBuilder request)
            throws IOException, InterruptedException {
        return node.post("counselor", "/api/cases", request.build());
    }

    /** Sends the request without waiting for the answer. */
    static CompletableFuture<HttpResponse<String>> sendInFlight(ApplicationNode node, RequestBuilder request)
            throws IOException {
        return node.postInFlight("counselor", "/api/cases", request.build());
    }

    /** Opens the case (201) and returns its id. */
    static long open(ApplicationNode node, RequestBuilder request) throws IOException, InterruptedException {
        HttpResponse<String> created = send(node, request);
        if (created.statusCode() != 201) {
            throw new AssertionError(node.name() + " answered " + created.statusCode() + " " + created.body());
        }
        return node.json(created).get("id").asLong();
    }
}
