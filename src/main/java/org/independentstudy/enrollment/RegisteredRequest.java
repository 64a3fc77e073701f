package org.independentstudy.enrollment;

/** What the case process routes on after the request is registered (ids and plain values only). */
public record RegisteredRequest(Long caseId, boolean studentHasIep) {
}
