package org.independentstudy.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.independentstudy.support.LoggedInSession;

/** A staff member logged in on one node and working in Tasklist there, as the browser's Tasklist calls the engine. */
final class TasklistSession {

    private final LoggedInSession session;
    private final String csrfToken;

    private TasklistSession(LoggedInSession session, String csrfToken) {
        this.session = session;
        this.csrfToken = csrfToken;
    }

    static TasklistSession logIn(ApplicationNode node, String username) {
        LoggedInSession session = LoggedInSession.logIn(node.base().toString(), username, "demo");
        HttpResponse<String> tasklist = session.get("/camunda/app/tasklist/default/");
        if (tasklist.statusCode() != 200) {
            throw new AssertionError(username + " cannot open Tasklist on " + node.name() + ": " + tasklist.statusCode());
        }
        return new TasklistSession(session, tasklist.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
    }

    LoggedInSession session() {
        return session;
    }

    /** Submits the task's form with these fields; the engine's answer (204 when the task is completed). */
    HttpResponse<String> submitForm(String taskId, Map<String, Object> fields) throws JsonProcessingException {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return session.postJson("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                ApplicationNode.JSON.writeValueAsString(Map.of("variables", variables)), "X-XSRF-TOKEN", csrfToken);
    }
}
