package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.independentstudy.calendar.CalendarImportService.Confirmation.GIVEN;
import static org.independentstudy.calendar.CalendarImportService.Confirmation.NOT_GIVEN;
import static org.independentstudy.calendar.CalendarImportService.ExistingYear.REPLACE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.independentstudy.support.DemoCalendars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import service on the real Flyway schema (H2, hibernate validate): a JPA slice, not the whole application.
 * The demo files are imported here only by the startup importer made by hand (none runs in the slice).
 */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({CalendarImportService.class, CalendarCsvImporter.class, CalendarIcsImporter.class,
        SchoolCalendarLoader.class, SchoolCalendar.class, CalendarImportServiceTest.FixedClock.class})
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:calendar-import;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate"})
class CalendarImportServiceTest {

    /** The slice has no application clock: the import stamps come from a fixed one, never the machine's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2026-12-01T18:00:00Z"), ZoneId.of("America/Los_Angeles"));
        }
    }


    private static final List<String> DEMO_CALENDARS = List.of("classpath:calendars/demo-usd-2025-26.csv",
            "classpath:calendars/demo-usd-2026-27.ics");
    private static final String YEAR_2025 = """
            date,kind,description
            2025-08-14,FIRST_DAY,First day
            2025-09-01,HOLIDAY,Labor Day
            2026-01-20,SEMESTER_2_START,Semester 2
            2026-06-11,LAST_DAY,Last day
            """;

    @Autowired
    private CalendarImportService importService;
    @Autowired
    private SchoolYearCalendarRepository repository;
    @Autowired
    private SchoolCalendar schoolCalendar;
    @Autowired
    private SchoolCalendarLoader loader;
    @Autowired
    private ResourceLoader resourceLoader;

    @Test
    @DisplayName("CAL-01 an imported calendar is stored with who and when and loaded for arithmetic; a re-import with another school-day count replaces it only when confirmed")
    void importStoreAndReplace() {
        repository.deleteAll();
        CalendarImportResult first = importService.importFile("district.csv", "text/csv", bytes(YEAR_2025), "admin1",
                REPLACE, NOT_GIVEN);

        assertThat(first.schoolYear()).isEqualTo("2025-26");
        assertThat(first.replaced()).isFalse();
        assertThat(first.preview().replacesSchoolDays()).isNull();
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2025-09-01"))).isFalse();

        String withoutLaborDay = YEAR_2025.replace("2025-09-01,HOLIDAY,Labor Day\n", "");
        assertThatThrownBy(() -> importService.importFile("again.csv", null, bytes(withoutLaborDay), "admin2",
                CalendarImportService.ExistingYear.REJECT, GIVEN))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("school year 2025-26 already has a calendar");
        assertThatThrownBy(() -> importService.importFile("again.csv", null, bytes(withoutLaborDay), "admin2",
                REPLACE, NOT_GIVEN))
                .isInstanceOfSatisfying(CalendarConfirmationRequiredException.class, e -> {
                    assertThat(e.preview().schoolDays()).isEqualTo(e.preview().replacesSchoolDays() + 1);
                    assertThat(e.getMessage()).contains("again.csv: the 2025-26 calendar was not saved: the file has "
                            + e.preview().schoolDays() + " school days; the stored 2025-26 calendar it replaces has "
                            + e.preview().replacesSchoolDays());
                });
        assertThat(repository.findAll()).singleElement()
                .satisfies(stored -> assertThat(stored.getImportedBy()).isEqualTo("admin1"));
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2025-09-01"))).isFalse();

        CalendarImportResult second = importService.importFile("again.csv", null, bytes(withoutLaborDay), "admin2",
                REPLACE, GIVEN);

        assertThat(second.replaced()).isTrue();
        assertThat(repository.findAll()).singleElement().satisfies(stored -> {
            assertThat(stored.getImportedBy()).isEqualTo("admin2");
            assertThat(stored.getSource()).isEqualTo("again.csv");
            assertThat(stored.getImportedAt()).isNotNull();
        });
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2025-09-01"))).isTrue();
    }

    @Test
    @DisplayName("CAL-01 ATT-06 the district's school-month starts are stored with the year and loaded again from the database")
    void schoolMonthStartsStored() {
        repository.deleteAll();
        importService.importFile("attendance-months.csv", "text/csv", bytes(YEAR_2025
                + "2025-09-15,SCHOOL_MONTH_START,School Month 2 Begins\n"), "admin1", REPLACE, NOT_GIVEN);
        schoolCalendar.load(List.of());

        loader.reload();

        assertThat(schoolCalendar.schoolMonthOf(LocalDate.parse("2025-09-12")))
                .isEqualTo(new SchoolMonth("2025-26", 1, LocalDate.parse("2025-08-14"), LocalDate.parse("2025-09-12")));
        assertThat(schoolCalendar.schoolMonthOf(LocalDate.parse("2025-09-15")).number()).isEqualTo(2);
    }

    @Test
    @DisplayName("CAL-01 a re-import with the same school-day count replaces the year without a confirmation")
    void sameCountNeedsNoConfirmation() {
        repository.deleteAll();
        importService.importFile("district.csv", null, bytes(YEAR_2025), "admin1", REPLACE, NOT_GIVEN);
        // Labor Day moved to the Tuesday by mistake and back: the count is the same, so nothing is in doubt
        String movedHoliday = YEAR_2025.replace("2025-09-01,HOLIDAY", "2025-09-02,HOLIDAY");

        CalendarImportResult result = importService.importFile("moved.csv", null, bytes(movedHoliday), "admin2",
                REPLACE, NOT_GIVEN);

        assertThat(result.replaced()).isTrue();
        assertThat(result.preview().schoolDays()).isEqualTo(result.preview().replacesSchoolDays());
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2025-09-02"))).isFalse();
    }

    @Test
    @DisplayName("CAL-01 a published calendar with an unclassified event is previewed, and saved only when confirmed")
    void unclassifiedEventNeedsConfirmation() {
        repository.deleteAll();
        byte[] withAdmissionDay = withEvent(DemoCalendars.GOOGLE_EXPORT_2025_26, "20250909", "Admission Day");

        CalendarPreview preview = importService.preview("district.ics", null, withAdmissionDay);

        assertThat(preview.confirmationNeeded()).isTrue();
        assertThat(preview.replacesSchoolDays()).isNull();
        assertThat(preview.confirmationReasons()).singleElement().asString()
                .contains("1 event(s) say neither", "'Admission Day' on 2025-09-09");
        assertThat(repository.count()).isZero();
        assertThatThrownBy(() -> importService.importFile("district.ics", null, withAdmissionDay, "admin1", REPLACE,
                NOT_GIVEN)).isInstanceOf(CalendarConfirmationRequiredException.class);
        assertThat(repository.count()).isZero();

        CalendarImportResult saved = importService.importFile("district.ics", null, withAdmissionDay, "admin1", REPLACE,
                GIVEN);

        assertThat(saved.preview().schoolDays()).isEqualTo(180);
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2025-09-09"))).isTrue();
    }

    @Test
    @DisplayName("CAL-01 the start-up import of a configured calendar file never waits for a confirmation")
    void startupImportNeedsNoConfirmation(@TempDir Path folder) throws Exception {
        repository.deleteAll();
        Path file = Files.write(folder.resolve("district.ics"), withEvent(DemoCalendars.GOOGLE_EXPORT_2025_26, "20250909", "Admission Day"));
        startupImport(new CalendarProperties(List.of(file.toUri().toString()), List.of()), false);

        assertThat(repository.findAll()).singleElement().satisfies(stored -> {
            assertThat(stored.getSchoolYear()).isEqualTo("2025-26");
            assertThat(stored.getImportedBy()).isEqualTo(CalendarStartupImporter.IMPORTED_BY);
        });
    }

    /** The resource's iCalendar text with one more all-day event before its end. */
    private static byte[] withEvent(String resource, String date, String summary) {
        String event = "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:" + date + "\r\nDTSTAMP:20250715T181512Z\r\nUID:added@test"
                + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\n";
        return new String(DemoCalendars.resourceBytes(resource), StandardCharsets.UTF_8)
                .replace("END:VCALENDAR", event + "END:VCALENDAR").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("CAL-01 a calendar overlapping another stored school year, or of an unknown file type, is rejected")
    void overlapAndUnknownType() {
        repository.deleteAll();
        importService.importFile("district.csv", null, bytes(YEAR_2025), "admin1", REPLACE, NOT_GIVEN);
        String overlapping = """
                date,kind,description
                2026-06-01,FIRST_DAY,First day
                2027-01-19,SEMESTER_2_START,Semester 2
                2027-05-28,LAST_DAY,Last day
                """;

        assertThatThrownBy(() -> importService.importFile("next.csv", null, bytes(overlapping), "admin1", REPLACE,
                GIVEN))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("2026-27 (2026-06-01..2027-05-28) overlaps the stored 2025-26");
        assertThatThrownBy(() -> importService.importFile("calendar.xlsx", null, new byte[0], "admin1", REPLACE,
                GIVEN))
                .hasMessageContaining("unsupported file type");
    }

    @Test
    @DisplayName("CAL-01 with demo data on, the demo calendars are imported at startup after the district's files; a year the district stored is never overwritten")
    void demoCalendarsAtStartup(@TempDir Path folder) throws IOException {
        Path district2026 = Files.writeString(folder.resolve("district-2026-27.csv"), """
                date,kind,description
                2026-08-19,FIRST_DAY,First day
                2027-01-21,SEMESTER_2_START,Semester 2
                2027-06-10,LAST_DAY,Last day
                """);
        CalendarProperties onlyDemo = new CalendarProperties(List.of(), DEMO_CALENDARS);
        CalendarProperties districtAndDemo = new CalendarProperties(List.of(district2026.toUri().toString()),
                DEMO_CALENDARS);

        repository.deleteAll();
        startupImport(onlyDemo, false);
        assertThat(storedSources()).as("demo data off").isEmpty();

        importService.importFile("district.csv", null, bytes(YEAR_2025), "admin1", REPLACE, NOT_GIVEN);
        startupImport(districtAndDemo, true);
        assertThat(storedSources()).containsExactly(
                "2025-26 district.csv admin1",
                "2026-27 " + district2026.toUri() + " " + CalendarStartupImporter.IMPORTED_BY);

        repository.deleteAll();
        startupImport(onlyDemo, true);
        assertThat(storedSources()).containsExactly(
                "2025-26 classpath:calendars/demo-usd-2025-26.csv " + CalendarStartupImporter.IMPORTED_BY,
                "2026-27 classpath:calendars/demo-usd-2026-27.ics " + CalendarStartupImporter.IMPORTED_BY);
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2026-11-11"))).as("Veterans Day").isFalse();
    }

    private void startupImport(CalendarProperties properties, boolean demoData) {
        new CalendarStartupImporter(properties, importService, repository, loader, resourceLoader, demoData)
                .afterSingletonsInstantiated();
    }

    private List<String> storedSources() {
        return repository.findAllByOrderByFirstDayAsc().stream()
                .map(stored -> stored.getSchoolYear() + " " + stored.getSource() + " " + stored.getImportedBy())
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
