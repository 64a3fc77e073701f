package org.independentstudy.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.independentstudy.calendar.CalendarConfirmationRequiredException;
import org.independentstudy.calendar.CalendarImportException;
import org.independentstudy.calendar.SchoolCalendarException;
import org.independentstudy.errors.ConflictException;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.errors.NotFoundException;
import org.independentstudy.errors.TooLargeException;
import org.independentstudy.rosters.RosterFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API is an RFC 7807 problem detail that names the field or the rule; a stack trace never
 * leaves the server. Domain exceptions say what is wrong; this class only decides the status.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), "Invalid request");
        problem.setType(URI.create("urn:problem:invalid-request"));
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", e.fieldErrors());
        }
        if (e.ruleId() != null) {
            problem.setProperty("rule", e.ruleId());
        }
        return problem;
    }

    /** An upload above its own limit (e.g. a work sample, ATT-09). */
    @ExceptionHandler(TooLargeException.class)
    ProblemDetail tooLarge(TooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage(), "Too large");
        problem.setProperty("errors", Map.of(e.field(), e.getMessage()));
        return problem;
    }

    /** CAL-01: a calendar file that cannot be imported; the message names the line or event. */
    @ExceptionHandler(CalendarImportException.class)
    ProblemDetail calendarFile(CalendarImportException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), "Invalid calendar file");
        problem.setProperty("errors", Map.of("file", e.getMessage()));
        return problem;
    }

    /**
     * Issue 12.6: a roster package that cannot be imported; each problem names its file, line and column, and the
     * first one is also given on its own for a client that shows one.
     */
    @ExceptionHandler(RosterFileException.class)
    ProblemDetail rosterFile(RosterFileException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(), "Invalid roster file");
        problem.setType(URI.create("urn:problem:invalid-roster"));
        RosterFileException.Problem first = e.problems().get(0);
        problem.setProperty("file", first.file());
        problem.setProperty("line", first.line());
        problem.setProperty("column", first.column());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    /**
     * CAL-01: a calendar file in doubt is not saved; the answer carries its preview and says how to save it after
     * checking (the same request with {@code confirm=true}).
     */
    @ExceptionHandler(CalendarConfirmationRequiredException.class)
    ProblemDetail calendarNeedsConfirmation(CalendarConfirmationRequiredException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage() + ". Nothing was saved: check the "
                + "preview, correct the file or repeat the import with confirm=true",
                "Calendar import needs confirmation");
        problem.setType(URI.create("urn:problem:calendar-confirmation-required"));
        problem.setProperty("rule", "CAL-01");
        problem.setProperty("confirmWith", "confirm=true");
        problem.setProperty("preview", e.preview());
        return problem;
    }

    /** CAL-03: a date no district calendar covers is refused, never counted on plain weekdays. */
    @ExceptionHandler(SchoolCalendarException.class)
    ProblemDetail outsideCalendar(SchoolCalendarException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getMessage(),
                "Date outside the district calendar");
        problem.setProperty("rule", "CAL-03");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), "Not found");
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage(), "Conflict");
        if (e.caseId() != null) {
            problem.setProperty("caseId", e.caseId());
        }
        return problem;
    }

    /**
     * Optimistic locks, row locks not granted in time, and a unique key taken at the same moment (issue 13.5):
     * another request changed or created the same record.
     */
    @ExceptionHandler({ConcurrencyFailureException.class, DuplicateKeyException.class})
    ProblemDetail concurrentChange(DataAccessException e) {
        return problem(HttpStatus.CONFLICT,
                "The record was changed by someone else at the same time; reload and try again", "Concurrent change");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Your role may not do this", "Forbidden");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST,
                "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'", "Invalid request");
        problem.setProperty("errors", Map.of(e.getName(), "invalid value"));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("Database unavailable: {}", e.toString());
            return DatabaseUnavailable.answer();
        }
        // CAL-03: a school-day deadline the engine counts while handling the request (e.g. into a school year with
        // no calendar) arrives wrapped; the failed command is rolled back, so it is the same 400
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SchoolCalendarException outside) {
                return ResponseEntity.badRequest().body(outsideCalendar(outside));
            }
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.", "Internal error"));
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String title) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid fields: " + String.join(", ", errors.keySet()), "Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Above the ceiling for any upload (spring.servlet.multipart): the file is refused before it is read. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "The uploaded file is larger than any upload "
                + "may be", "File too large");
        problem.setProperty("errors", Map.of("file", "larger than any upload may be"));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Issue 13.6: a chunked body passing the size limit (ApiBodyLimit) while the JSON parser reads it
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, UnreadableBody.describe(e), "Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }
}
