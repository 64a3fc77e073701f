package org.independentstudy.signing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Family signing links: the HMAC secret that makes a link unforgeable (AGR-08) and how long a link is valid
 * (e-mails that could not be delivered are tried again by the mail outbox). The secret comes from
 * {@value #SECRET_VARIABLE}; only a demo installation ({@code demoSecretAllowed}, bound from
 * {@code isp.demo-data.enabled}) runs without one, on the published {@link #DEMO_SECRET}.
 */
@ConfigurationProperties("isp.signing")
public record SigningProperties(String secret,
                                @DefaultValue("false") boolean demoSecretAllowed,
                                @DefaultValue("P14D") Duration linkValidity) {

    static final String SECRET_VARIABLE = "ISP_SIGNING_SECRET";
    /** Public (it is in the source): anyone can forge links signed with it, so demo installations only. */
    static final String DEMO_SECRET = "demo-only-signing-secret-anyone-can-forge-links";
    private static final int MINIMUM_SECRET_LENGTH = 32;
    private static final String HOW_TO_SET = "Set " + SECRET_VARIABLE + " (isp.signing.secret) to at least "
            + MINIMUM_SECRET_LENGTH + " random characters, e.g. the output of 'openssl rand -base64 48'.";
    private static final Logger log = LoggerFactory.getLogger(SigningProperties.class);

    public SigningProperties {
        // AGR-08: a known or guessable key would let anyone forge a family's signature
        if (secret == null || secret.isBlank()) {
            if (!demoSecretAllowed) {
                throw new IllegalArgumentException(SECRET_VARIABLE + " is not set: without it family signing"
                        + " links could be forged, so the application does not start. " + HOW_TO_SET
                        + " Only a demo installation (DEMO_DATA=true) runs without one.");
            }
            log.warn("{} is not set: family signing links are signed with the published demo secret, "
                    + "which is fine for demo data only", SECRET_VARIABLE);
            secret = DEMO_SECRET;
        } else if (DEMO_SECRET.equals(secret) && !demoSecretAllowed) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " is the published demo secret, which only a"
                    + " demo installation (DEMO_DATA=true) may use. " + HOW_TO_SET);
        } else if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " is shorter than " + MINIMUM_SECRET_LENGTH
                    + " characters. " + HOW_TO_SET);
        }
    }
}
