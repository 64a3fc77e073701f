package org.independentstudy.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 13.9: the family pages answer anyone holding a link, so each client may only ask so often: a token bucket
 * per client address, and 429 with Retry-After once it is empty. Guessing a link's token is hopeless anyway
 * (AGR-08); this keeps one client from loading the server.
 */
final class PublicPageRateLimit extends OncePerRequestFilter {

    /** How many more requests the client may send right now. */
    static final String REMAINING = "X-RateLimit-Remaining";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int IPV6_NETWORK_BYTES = 8;
    private static final int MAX_KEY_LENGTH = 100;

    private final Bandwidth limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    PublicPageRateLimit(PublicPageRateLimitProperties properties, TimeMeter time) {
        this.limit = Bandwidth.builder().capacity(properties.burst())
                .refillGreedy(properties.requestsPerMinute(), Duration.ofMinutes(1)).build();
        this.time = time;
        // a bucket left alone until it is full again is the same as a new one: forgetting it loses nothing
        Duration untilFull = Duration.ofMinutes(1).multipliedBy(properties.burst())
                .dividedBy(properties.requestsPerMinute()).plusSeconds(1);
        this.buckets = Caffeine.newBuilder().maximumSize(properties.maxClients()).expireAfterAccess(untilFull)
                .ticker(time::currentTimeNanos)
                // evictions on the request's own thread: the bound holds without a background pool
                .executor(Runnable::run)
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = buckets.get(clientOf(request), client -> newBucket()).tryConsumeAndReturnRemaining(1);
        response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long waitSeconds = Math.max(1, (probe.getNanosToWaitForRefill() + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(waitSeconds));
        String tryAgain = "Too many requests from your connection; try again in " + waitSeconds + " seconds.";
        if (isBrowser(request)) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                    + "<title>Please wait a moment</title></head><body><h1>Please wait a moment</h1><p>"
                    + tryAgain + "</p></body></html>");
        } else {
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, tryAgain);
        }
    }

    /** How many clients' buckets are kept now (bounded by max-clients). */
    long clientsKept() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build();
    }

    private static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    /**
     * The address the servlet container reports: a proxy's X-Forwarded-For counts only where
     * server.forward-headers-strategy says to trust it. An IPv6 client counts by its /64 network, which one
     * subscriber usually holds whole.
     */
    static String clientOf(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address.indexOf(':') >= 0) {
            try {
                // a literal with a colon is never looked up in DNS; an invalid one is refused
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, IPV6_NETWORK_BYTES), 16))
                            .getHostAddress() + "/64";
                }
            } catch (UnknownHostException notAnAddress) {
                // counted by its text, as any other
            }
        }
        return address.length() <= MAX_KEY_LENGTH ? address : address.substring(0, MAX_KEY_LENGTH);
    }
}
