package org.independentstudy.calendar;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code isp.calendar.*}.
 *
 * @param importOnStartup calendar files (Spring resource locations, .csv or .ics) imported at startup when
 *                        their school year is not stored yet; stored years are never overwritten this way
 * @param demoCalendars   the demo district's calendar files, imported the same way after those when demo data is on
 */
@ConfigurationProperties("isp.calendar")
public record CalendarProperties(List<String> importOnStartup, List<String> demoCalendars) {

    public CalendarProperties {
        importOnStartup = importOnStartup == null ? List.of() : List.copyOf(importOnStartup);
        demoCalendars = demoCalendars == null ? List.of() : List.copyOf(demoCalendars);
    }

    /** CAL-01: the district's own files first, so a year they cover never gets the demo calendar. */
    List<String> filesToImport(boolean demoData) {
        return demoData ? Stream.concat(importOnStartup.stream(), demoCalendars.stream()).toList() : importOnStartup;
    }
}
