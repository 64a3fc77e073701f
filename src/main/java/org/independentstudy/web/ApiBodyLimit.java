package org.independentstudy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.independentstudy.errors.TooLargeException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Issue 13.6: a request body of our API other than an upload (uploads have spring.servlet.multipart's ceiling) is
 * refused with 413 above {@code isp.api.max-body-size}: before it is read when it declares its length, once the
 * limit is passed when it is sent in chunks.
 */
@Component
class ApiBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final HandlerExceptionResolver problems;

    ApiBodyLimit(@Value("${isp.api.max-body-size}") DataSize limit,
                 @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        this.limit = limit.toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !request.getRequestURI().startsWith("/api/")
                || contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            problems.resolveException(request, response, null, tooLarge());
            return;
        }
        chain.doFilter(new LimitedBody(request), response);
    }

    private TooLargeException tooLarge() {
        return new TooLargeException("body", "The request body is larger than " + DataSize.ofBytes(limit).toKilobytes()
                + " KB, the most a request may send");
    }

    /** The request with a body that refuses to be read past the limit. */
    private final class LimitedBody extends HttpServletRequestWrapper {

        private ServletInputStream body;

        LimitedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new Counted(super.getInputStream());
            }
            return body;
        }
    }

    private final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        Counted(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
