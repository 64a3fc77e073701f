package org.independentstudy.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the district running this installation. */
@ConfigurationProperties("isp.district")
public record DistrictProperties(@DefaultValue("Demo Unified School District") String name,
                                 @DefaultValue("America/Los_Angeles") ZoneId timeZone) {
}
