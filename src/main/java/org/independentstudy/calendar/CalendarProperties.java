package org.independentstudy.calendar;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code isp.calendar.*}.
 *
 * @param importOnStartup calendar files (Spring resource locations, .csv or .ics) imported at startup when
 *                        their school year is not stored yet; stored years are never overwritten this way
 */
@ConfigurationProperties("isp.calendar")
public record CalendarProperties(List<String> importOnStartup) {

    public CalendarProperties {
        importOnStartup = importOnStartup == null ? List.of() : List.copyOf(importOnStartup);
    }
}
