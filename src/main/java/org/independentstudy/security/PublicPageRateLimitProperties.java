package org.independentstudy.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Issue 13.9: how many requests one client may send to the family pages (/sign, /family/return). A client may send
 * {@code burst} requests at once, then {@code requestsPerMinute} a minute; {@code maxClients} bounds the memory the
 * counting takes, however many addresses an attacker uses.
 */
@ConfigurationProperties("isp.public-pages.rate-limit")
public record PublicPageRateLimitProperties(@DefaultValue("30") int requestsPerMinute,
                                            @DefaultValue("10") int burst,
                                            @DefaultValue("50000") int maxClients) {

    public PublicPageRateLimitProperties {
        if (requestsPerMinute < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("isp.public-pages.rate-limit: requests-per-minute, burst and"
                    + " max-clients must each be at least 1");
        }
    }
}
