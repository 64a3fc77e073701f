package org.independentstudy.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * At startup, imports each file of {@code isp.calendar.import-on-startup} (and, with demo data on, of
 * {@code isp.calendar.demo-calendars}) whose school year is not stored yet (a district's own imports are never
 * overwritten), then loads the stored calendars into {@link SchoolCalendar}. Runs once all singletons exist,
 * before runners and request handling, so timers never see an empty calendar.
 */
@Component
public class CalendarStartupImporter implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CalendarStartupImporter.class);
    static final String IMPORTED_BY = "system (startup import)";

    private final CalendarProperties properties;
    private final CalendarImportService importService;
    private final SchoolYearCalendarRepository repository;
    private final SchoolCalendarLoader loader;
    private final ResourceLoader resourceLoader;
    private final boolean demoData;

    public CalendarStartupImporter(CalendarProperties properties, CalendarImportService importService,
                                   SchoolYearCalendarRepository repository, SchoolCalendarLoader loader,
                                   ResourceLoader resourceLoader,
                                   @Value("${isp.demo-data.enabled:false}") boolean demoData) {
        this.properties = properties;
        this.importService = importService;
        this.repository = repository;
        this.loader = loader;
        this.resourceLoader = resourceLoader;
        this.demoData = demoData;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String location : properties.filesToImport(demoData)) {
            Resource resource = resourceLoader.getResource(location);
            ParsedCalendar parsed = importService.parse(resource.getFilename(), null, read(resource, location));
            String schoolYear = parsed.calendar().schoolYear();
            if (repository.existsBySchoolYear(schoolYear)) {
                log.info("Calendar {} is already stored; {} not imported", schoolYear, location);
                continue;
            }
            // listing a file in the configuration is the operator's confirmation: start-up never waits for a person
            importService.save(parsed, location, IMPORTED_BY, CalendarImportService.ExistingYear.REJECT,
                    CalendarImportService.Confirmation.GIVEN);
        }
        log.info("School calendars loaded: {}", loader.reload().stream().map(SchoolYear::label).toList());
    }

    private static byte[] read(Resource resource, String location) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar file " + location
                    + " listed in isp.calendar.import-on-startup or isp.calendar.demo-calendars", e);
        }
    }
}
