package org.independentstudy.config;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;

/**
 * The engine's REST API answers 500 to any failure of a task's command. Two of them are the client's: a form our
 * task listeners refuse (bad input, a state that does not allow it), and a task completed by another request at
 * the same moment (issue 13.5: a double submission completes the task once, and the other learns why). Those get
 * their 4xx; everything else stays the engine's answer.
 */
@Provider
@Priority(1)
class RefusedTaskForms implements ExceptionMapper<RestException> {

    static final String TAKEN_BY_ANOTHER = "The task was completed or changed by another request at the same "
            + "moment; reload it";

    @Override
    public Response toResponse(RestException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidRequestException invalid) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", invalid.getClass().getSimpleName(), "message", invalid.getMessage(),
                                "code", 0, "errors", invalid.fieldErrors())).build();
            }
            if (cause instanceof ConflictException conflict) {
                return refused(Response.Status.CONFLICT, conflict);
            }
            if (cause instanceof NotFoundException notFound) {
                return refused(Response.Status.NOT_FOUND, notFound);
            }
            if (cause instanceof OptimisticLockingException) {
                return refused(Response.Status.CONFLICT, TAKEN_BY_ANOTHER, cause);
            }
            // the loser of a race that starts after the winner's commit finds no task any more
            if (cause instanceof NullValueException && String.valueOf(cause.getMessage()).startsWith("Cannot find task")) {
                return refused(Response.Status.NOT_FOUND, TAKEN_BY_ANOTHER + " (or it never existed)", cause);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(failure);
    }

    private static Response refused(Response.Status status, RuntimeException domain) {
        return refused(status, domain.getMessage(), domain);
    }

    /** The engine's own error shape (type, message, code), so Tasklist and clients read it as any other. */
    private static Response refused(Response.Status status, String message, Throwable cause) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", cause.getClass().getSimpleName(), "message", message, "code", 0)).build();
    }
}
