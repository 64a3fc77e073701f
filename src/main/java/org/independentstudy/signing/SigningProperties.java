package org.independentstudy.signing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Family signing links: the HMAC secret that makes a link unforgeable, how long a link is valid, and how often
 * an e-mail that could not be delivered is tried again. Production (profile "postgres") must set the secret.
 */
@ConfigurationProperties("isp.signing")
public record SigningProperties(String secret,
                                @DefaultValue("P14D") Duration linkValidity,
                                @DefaultValue("PT10M") Duration mailRetryInterval,
                                @DefaultValue("5") int maxDeliveryAttempts) {

    static final String DEVELOPMENT_SECRET = "development-only-signing-secret-change-me";
    private static final int MINIMUM_SECRET_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(SigningProperties.class);

    public SigningProperties {
        if (secret == null || secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "isp.signing.secret must be set to at least " + MINIMUM_SECRET_LENGTH + " characters");
        }
        if (DEVELOPMENT_SECRET.equals(secret)) {
            log.warn("isp.signing.secret is the development default: anyone can forge signing links. "
                    + "Set ISP_SIGNING_SECRET in production.");
        }
    }
}
