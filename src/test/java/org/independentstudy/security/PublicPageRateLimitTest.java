package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The family pages' rate limit on its own, on a time source the test moves by hand. */
class PublicPageRateLimitTest {

    private static final String FAMILY = "203.0.113.7";
    private static final String NEIGHBOUR = "203.0.113.8";

    private final ManualTime time = new ManualTime();
    /** 3 at once, then one every 2 seconds. */
    private final PublicPageRateLimit limit =
            new PublicPageRateLimit(new PublicPageRateLimitProperties(30, 3, 100), time);

    @Test
    @DisplayName("Issue 13.9 a client gets 429 with Retry-After once past its burst; another client is not affected")
    void oneClientPastItsLimitDoesNotStopAnother() throws Exception {
        for (int request = 0; request < 3; request++) {
            MockHttpServletResponse passed = get(FAMILY);
            assertThat(passed.getStatus()).isEqualTo(200);
            assertThat(passed.getHeader(PublicPageRateLimit.REMAINING)).isEqualTo(Integer.toString(2 - request));
        }

        MockHttpServletResponse refused = get(FAMILY);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429", "try again in 2 seconds");

        assertThat(get(NEIGHBOUR).getStatus()).isEqualTo(200);
        assertThat(get(FAMILY).getStatus()).as("still the same moment").isEqualTo(429);
    }

    @Test
    @DisplayName("Issue 13.9 a limited client may ask again once the bucket has refilled, at the configured rate")
    void theBucketRefillsAtTheConfiguredRate() throws Exception {
        for (int request = 0; request < 3; request++) {
            get(FAMILY);
        }
        time.advance(Duration.ofMillis(1999));
        assertThat(get(FAMILY).getStatus()).isEqualTo(429);

        time.advance(Duration.ofMillis(1));
        assertThat(get(FAMILY).getStatus()).isEqualTo(200);
        assertThat(get(FAMILY).getStatus()).as("one request every 2 seconds").isEqualTo(429);

        time.advance(Duration.ofMinutes(1));
        assertThat(get(FAMILY).getHeader(PublicPageRateLimit.REMAINING)).as("never more than the burst")
                .isEqualTo("2");
    }

    @Test
    @DisplayName("Issue 13.9 a browser past the limit gets a page saying when to try again")
    void aBrowserGetsAPage() throws Exception {
        for (int request = 0; request < 3; request++) {
            get(FAMILY);
        }
        MockHttpServletRequest page = request(FAMILY);
        page.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        MockHttpServletResponse refused = filter(page);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(refused.getContentAsString()).contains("<h1>Please wait a moment</h1>", "try again in 2 seconds");
    }

    @Test
    @DisplayName("Issue 13.9 a client's own X-Forwarded-For header does not make it another client")
    void forwardedForFromTheClientIsIgnored() throws Exception {
        for (int request = 0; request < 3; request++) {
            MockHttpServletRequest pretending = request(FAMILY);
            pretending.addHeader("X-Forwarded-For", "198.51.100." + request);
            filter(pretending);
        }
        assertThat(get(FAMILY).getStatus()).isEqualTo(429);
    }

    @Test
    @DisplayName("Issue 13.9 the addresses of one IPv6 network count as one client")
    void anIpv6NetworkIsOneClient() throws Exception {
        assertThat(get("2001:db8:1:2:0:0:0:1").getHeader(PublicPageRateLimit.REMAINING)).isEqualTo("2");
        assertThat(get("2001:db8:1:2:ffff::9").getHeader(PublicPageRateLimit.REMAINING)).isEqualTo("1");
        assertThat(get("2001:db8:1:3::1").getHeader(PublicPageRateLimit.REMAINING)).isEqualTo("2");
    }

    @Test
    @DisplayName("Issue 13.9 the clients counted are bounded however many addresses ask, and a full bucket is forgotten")
    void theClientsKeptAreBounded() throws Exception {
        for (int client = 0; client < 1000; client++) {
            get("10.0." + client / 256 + "." + client % 256);
        }
        assertThat(limit.clientsKept()).isBetween(1L, 100L);

        time.advance(Duration.ofSeconds(7));
        assertThat(limit.clientsKept()).as("each bucket is full again after 6 seconds").isZero();
    }

    private MockHttpServletResponse get(String client) throws ServletException, IOException {
        return filter(request(client));
    }

    private static MockHttpServletRequest request(String client) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/sign/some-token");
        request.setRemoteAddr(client);
        return request;
    }

    private MockHttpServletResponse filter(MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    /** A clock that stands still until the test moves it. */
    private static final class ManualTime implements TimeMeter {

        private long nanos = Duration.ofDays(1).toNanos();

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
