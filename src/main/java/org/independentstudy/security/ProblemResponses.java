package org.independentstudy.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401, 403 and 429 as RFC 7807 problem details, written directly (no error-page dispatch). */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint loginRequired() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"independent-study\"");
            write(response, HttpStatus.UNAUTHORIZED, "Login required");
        };
    }

    static AccessDeniedHandler roleMayNot() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Your role may not do this");
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
