package org.independentstudy.calendar;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a calendar file gets into the database (CAL-01): picks the importer for the file, lets it check the
 * file (errors name the line or event), previews what it would store, checks the year against the stored ones,
 * saves, and refreshes the in-memory {@link SchoolCalendar}. A file in doubt (an unclassified event, or a
 * school-day count that differs from the year it replaces) is saved only when the administrator confirms it
 * after seeing the preview. Timers already created keep the dates computed when they were created.
 */
@Service
public class CalendarImportService {

    /** What to do when the file's school year is already stored. */
    public enum ExistingYear { REPLACE, REJECT }

    /** Whether the administrator confirmed a file in doubt after seeing its preview. */
    public enum Confirmation { NOT_GIVEN, GIVEN }

    private static final Logger log = LoggerFactory.getLogger(CalendarImportService.class);

    private final List<CalendarFileImporter> importers;
    private final SchoolYearCalendarRepository repository;
    private final SchoolCalendarLoader loader;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public CalendarImportService(List<CalendarFileImporter> importers, SchoolYearCalendarRepository repository,
                                 SchoolCalendarLoader loader, TransactionTemplate transaction,
                                 Clock clock) {
        this.importers = importers;
        this.repository = repository;
        this.loader = loader;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Reads the file without saving it. */
    public ParsedCalendar parse(String fileName, String contentType, byte[] content) {
        CalendarFileImporter importer = importers.stream()
                .filter(candidate -> candidate.accepts(fileName, contentType))
                .findFirst()
                .orElseThrow(() -> new CalendarImportException(fileName + ": unsupported file type (content type "
                        + contentType + "); upload a .csv or an iCalendar .ics file"));
        return importer.parse(fileName, new ByteArrayInputStream(content));
    }

    /** What importing the file would store, next to the stored year it would replace; saves nothing. */
    public CalendarPreview preview(String fileName, String contentType, byte[] content) {
        ParsedCalendar parsed = parse(fileName, contentType, content);
        return transaction.execute(status -> previewOf(parsed));
    }

    /**
     * Imports the file; a file in doubt without {@link Confirmation#GIVEN} raises
     * {@link CalendarConfirmationRequiredException} with its preview, and nothing is saved.
     */
    public CalendarImportResult importFile(String fileName, String contentType, byte[] content, String importedBy,
                                           ExistingYear existingYear, Confirmation confirmation) {
        return save(parse(fileName, contentType, content), fileName, importedBy, existingYear, confirmation);
    }

    /** Saves an already parsed calendar; replacing a year records the new source, time and person. */
    public CalendarImportResult save(ParsedCalendar parsed, String source, String importedBy, ExistingYear existingYear,
                                     Confirmation confirmation) {
        SchoolYearCalendar calendar = parsed.calendar();
        CalendarImportResult result;
        try {
            result = transaction.execute(status -> store(parsed, source, importedBy, existingYear, confirmation));
        } catch (DataIntegrityViolationException | ConcurrencyFailureException sameYearAtTheSameMoment) {
            // Issue 13.5: another import stored or replaced the same school year at the same moment; now that it
            // is in, this one goes as any later import of the year would (replaced, or refused)
            result = transaction.execute(status -> store(parsed, source, importedBy, existingYear, confirmation));
        }
        loader.reload();
        log.info("Imported the {} calendar from {} by {}{}", calendar.schoolYear(), source, importedBy,
                confirmation == Confirmation.GIVEN ? " (confirmed)" : "");
        parsed.skippedEvents().forEach(skipped -> log.warn("{}: {} skipped: {}", source, skipped.where(),
                skipped.reason()));
        return result;
    }

    private CalendarImportResult store(ParsedCalendar parsed, String source, String importedBy,
                                       ExistingYear existingYear, Confirmation confirmation) {
        SchoolYearCalendar calendar = parsed.calendar();
        Optional<SchoolYearCalendarEntity> existing = repository.findBySchoolYear(calendar.schoolYear());
        if (existing.isPresent() && existingYear == ExistingYear.REJECT) {
            throw new CalendarImportException(source + ": school year " + calendar.schoolYear()
                    + " already has a calendar (imported " + existing.get().getImportedAt() + " by "
                    + existing.get().getImportedBy() + "); import it as a replacement to overwrite it");
        }
        CalendarPreview preview = previewOf(parsed);
        if (preview.confirmationNeeded() && confirmation != Confirmation.GIVEN) {
            throw new CalendarConfirmationRequiredException(source, preview);
        }
        requireNoOverlap(calendar, source);
        existing.ifPresent(old -> {
            log.info("Replacing the {} calendar imported {} by {} from {}", old.getSchoolYear(),
                    old.getImportedAt(), old.getImportedBy(), old.getSource());
            repository.delete(old);
            // the unique school year must be free before the new row is inserted
            repository.flush();
        });
        repository.saveAndFlush(new SchoolYearCalendarEntity(calendar, source, OffsetDateTime.now(clock), importedBy));
        return new CalendarImportResult(calendar.schoolYear(), existing.isPresent(), preview);
    }

    private CalendarPreview previewOf(ParsedCalendar parsed) {
        return CalendarPreview.of(parsed, repository.findBySchoolYear(parsed.calendar().schoolYear())
                .map(stored -> stored.toCalendar().countSchoolDays())
                .orElse(null));
    }

    /** Two school years never share a day, or school-day counts would be ambiguous (CAL-01). */
    private void requireNoOverlap(SchoolYearCalendar calendar, String source) {
        for (SchoolYearCalendarEntity stored : repository.findAll()) {
            if (!stored.getSchoolYear().equals(calendar.schoolYear())
                    && !calendar.firstDay().isAfter(stored.getLastDay())
                    && !stored.getFirstDay().isAfter(calendar.lastDay())) {
                throw new CalendarImportException(source + ": school year " + calendar.schoolYear() + " ("
                        + calendar.firstDay() + ".." + calendar.lastDay() + ") overlaps the stored "
                        + stored.getSchoolYear() + " (" + stored.getFirstDay() + ".." + stored.getLastDay() + ")");
            }
        }
    }
}
