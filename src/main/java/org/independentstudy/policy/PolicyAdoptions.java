package org.independentstudy.policy;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** District configuration: which policy versions the board adopted and from which date each is in force. */
@ConfigurationProperties("isp.policy")
public record PolicyAdoptions(Map<String, LocalDate> adopted) {

    public PolicyAdoptions {
        adopted = adopted == null ? Map.of() : Map.copyOf(adopted);
    }
}
