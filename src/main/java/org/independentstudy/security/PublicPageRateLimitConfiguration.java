package org.independentstudy.security;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Issue 13.9: the rate limit on the family pages, the only pages anyone may open without logging in. */
@Configuration
class PublicPageRateLimitConfiguration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    @Bean
    FilterRegistrationBean<PublicPageRateLimit> publicPageRateLimit(PublicPageRateLimitProperties properties,
                                                                    Clock clock) {
        FilterRegistrationBean<PublicPageRateLimit> registration =
                new FilterRegistrationBean<>(new PublicPageRateLimit(properties, timeOf(clock)));
        registration.addUrlPatterns("/sign/*", "/family/return/*");
        // after Spring Security's chain, whose headers (nosniff, no framing, the pages' policy) a 429 carries too
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** The application's clock, so that a test fixing or moving it fixes or moves the buckets' time too. */
    private static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
