package org.independentstudy.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The district calendars (CAL-01): list, school days of a year, and import by an administrator. */
@RestController
@RequestMapping("/api/calendars")
public class CalendarController {

    /** One stored school year as listed. */
    public record CalendarSummary(String schoolYear, LocalDate firstDay, LocalDate lastDay,
                                  LocalDate secondSemesterFirstDay, int schoolDays, int nonInstructionalDays,
                                  String source, OffsetDateTime importedAt, String importedBy) {
    }

    /** The school days of a range within a school year. */
    public record SchoolDays(String schoolYear, LocalDate from, LocalDate to, int count, List<LocalDate> days) {
    }

    private final SchoolYearCalendarRepository repository;
    private final SchoolCalendar schoolCalendar;
    private final CalendarImportService importService;

    public CalendarController(SchoolYearCalendarRepository repository, SchoolCalendar schoolCalendar,
                              CalendarImportService importService) {
        this.repository = repository;
        this.schoolCalendar = schoolCalendar;
        this.importService = importService;
    }

    @GetMapping
    public List<CalendarSummary> list() {
        return repository.findAllByOrderByFirstDayAsc().stream().map(entity -> {
            SchoolYearCalendar calendar = entity.toCalendar();
            return new CalendarSummary(calendar.schoolYear(), calendar.firstDay(), calendar.lastDay(),
                    calendar.secondSemesterFirstDay(),
                    calendar.countSchoolDays(),
                    calendar.nonInstructionalDays().size(), entity.getSource(), entity.getImportedAt(),
                    entity.getImportedBy());
        }).toList();
    }

    /** School days of {@code schoolYear} from {@code from} to {@code to} (default: the whole year), inclusive. */
    @GetMapping("/{schoolYear}/school-days")
    public SchoolDays schoolDays(@PathVariable String schoolYear,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        SchoolYear year = schoolCalendar.loadedSchoolYears().stream()
                .filter(candidate -> candidate.label().equals(schoolYear))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No district instructional calendar for school year " + schoolYear));
        LocalDate start = from == null ? year.firstDay() : from;
        LocalDate end = to == null ? year.lastDay() : to;
        List<LocalDate> days = schoolCalendar.schoolDaysBetween(start, end);
        return new SchoolDays(schoolYear, start, end, days.size(), days);
    }

    /**
     * Imports a .csv or .ics calendar (CAL-01); an existing year is replaced unless {@code replace=false}.
     * {@code dryRun=true} answers the preview (200) and saves nothing. A file in doubt (an unclassified event, or a
     * school-day count that differs from the year it replaces) is saved only with {@code confirm=true}; without,
     * the answer is a 409 problem carrying the preview. Invalid files raise {@link CalendarImportException}
     * naming the line or event.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Object> importCalendar(@RequestParam("file") MultipartFile file,
                                                 @RequestParam(defaultValue = "true") boolean replace,
                                                 @RequestParam(defaultValue = "false") boolean dryRun,
                                                 @RequestParam(defaultValue = "false") boolean confirm,
                                                 Principal principal) {
        byte[] content = read(file);
        if (dryRun) {
            return ResponseEntity.ok(importService.preview(file.getOriginalFilename(), file.getContentType(), content));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(importService.importFile(file.getOriginalFilename(),
                file.getContentType(), content, principal == null ? "anonymous" : principal.getName(),
                replace ? CalendarImportService.ExistingYear.REPLACE : CalendarImportService.ExistingYear.REJECT,
                confirm ? CalendarImportService.Confirmation.GIVEN : CalendarImportService.Confirmation.NOT_GIVEN));
    }

    private static byte[] read(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded calendar", e);
        }
    }
}
