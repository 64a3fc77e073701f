package org.independentstudy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 13.3: the 503 of {@link DatabaseUnavailable} for failures outside our controllers, first of all the login
 * check of HTTP Basic, which reads the engine's identity service before any controller runs (without this, every
 * scripted call during an outage would end as a 500 error page). The outermost filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ObjectMapper json;

    DatabaseUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            ResponseEntity<ProblemDetail> answer = DatabaseUnavailable.answer();
            response.resetBuffer();
            response.setStatus(answer.getStatusCode().value());
            response.setHeader(HttpHeaders.RETRY_AFTER, answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), answer.getBody());
        }
    }
}
