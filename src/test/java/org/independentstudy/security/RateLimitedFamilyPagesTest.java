package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.independentstudy.support.FixedEngineClock;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The family pages' rate limit in the running application. The test profile's limit is 300 at once (room for the
 * other tests, all from this machine); each client here is an address behind this machine as its proxy.
 */
@IntegrationTest
class RateLimitedFamilyPagesTest {

    private static final int BURST = 300;

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("Issue 13.9 the signing and return pages count each client's requests together, and each client apart")
    void bothFamilyPagesCountPerClient() {
        assertThat(remainingAfter("/sign/some-token", "198.51.100.11")).isEqualTo(BURST - 1);
        assertThat(remainingAfter("/family/return/some-token", "198.51.100.11")).isEqualTo(BURST - 2);
        assertThat(remainingAfter("/sign/some-token", "198.51.100.12")).isEqualTo(BURST - 1);

        assertThat(get("/actuator/health", "198.51.100.11", "*/*").getHeaders())
                .as("staff pages and the API are not counted").doesNotContainKey(PublicPageRateLimit.REMAINING);
    }

    @Test
    @DisplayName("Issue 13.9 a client sending too many requests to the family pages gets 429 with Retry-After; another client does not, and a minute later it may ask again")
    void aClientPastTheLimitIsRefusedUntilItRefills() {
        String client = "198.51.100.21";
        for (int request = 0; request < BURST; request++) {
            assertThat(get("/family/return/some-token", client, "text/html").getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }

        ResponseEntity<String> refused = get("/sign/some-token", client, "text/html");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getBody()).contains("Please wait a moment");
        assertThat(refused.getHeaders().getFirst("Content-Security-Policy")).as("the pages' headers still apply")
                .contains("frame-ancestors 'none'");
        ResponseEntity<String> refusedJson = get("/sign/some-token", client, "application/json");
        assertThat(refusedJson.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refusedJson.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();

        assertThat(get("/sign/some-token", "198.51.100.22", "text/html").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        FixedEngineClock.setClock(FixedEngineClock.DECEMBER_FIRST.plusMinutes(1));
        assertThat(get("/sign/some-token", client, "text/html").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private int remainingAfter(String page, String client) {
        return Integer.parseInt(get(page, client, "text/html").getHeaders().getFirst(PublicPageRateLimit.REMAINING));
    }

    private ResponseEntity<String> get(String path, String client, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", client);
        headers.set(HttpHeaders.ACCEPT, accept);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
