package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
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
        SchoolCalendarLoader.class, SchoolCalendar.class})
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:calendar-import;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=validate"})
class CalendarImportServiceTest {

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
    @DisplayName("CAL-01 an imported calendar is stored with who and when, loaded for arithmetic, and a re-import replaces it")
    void importStoreAndReplace() {
        repository.deleteAll();
        CalendarImportResult first = importService.importFile("district.csv", "text/csv", bytes(YEAR_2025), "admin1",
                CalendarImportService.ExistingYear.REPLACE);

        assertThat(first.schoolYear()).isEqualTo("2025-26");
        assertThat(first.replaced()).isFalse();
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2025-09-01"))).isFalse();

        String withoutLaborDay = YEAR_2025.replace("2025-09-01,HOLIDAY,Labor Day\n", "");
        assertThatThrownBy(() -> importService.importFile("again.csv", null, bytes(withoutLaborDay), "admin2",
                CalendarImportService.ExistingYear.REJECT))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("school year 2025-26 already has a calendar");

        CalendarImportResult second = importService.importFile("again.csv", null, bytes(withoutLaborDay), "admin2",
                CalendarImportService.ExistingYear.REPLACE);

        assertThat(second.replaced()).isTrue();
        assertThat(repository.findAll()).singleElement().satisfies(stored -> {
            assertThat(stored.getImportedBy()).isEqualTo("admin2");
            assertThat(stored.getSource()).isEqualTo("again.csv");
            assertThat(stored.getImportedAt()).isNotNull();
        });
        assertThat(schoolCalendar.isSchoolDay(LocalDate.parse("2025-09-01"))).isTrue();
    }

    @Test
    @DisplayName("CAL-01 a calendar overlapping another stored school year, or of an unknown file type, is rejected")
    void overlapAndUnknownType() {
        repository.deleteAll();
        importService.importFile("district.csv", null, bytes(YEAR_2025), "admin1",
                CalendarImportService.ExistingYear.REPLACE);
        String overlapping = """
                date,kind,description
                2026-06-01,FIRST_DAY,First day
                2027-01-19,SEMESTER_2_START,Semester 2
                2027-05-28,LAST_DAY,Last day
                """;

        assertThatThrownBy(() -> importService.importFile("next.csv", null, bytes(overlapping), "admin1",
                CalendarImportService.ExistingYear.REPLACE))
                .isInstanceOf(CalendarImportException.class)
                .hasMessageContaining("2026-27 (2026-06-01..2027-05-28) overlaps the stored 2025-26");
        assertThatThrownBy(() -> importService.importFile("calendar.xlsx", null, new byte[0], "admin1",
                CalendarImportService.ExistingYear.REPLACE))
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

        importService.importFile("district.csv", null, bytes(YEAR_2025), "admin1",
                CalendarImportService.ExistingYear.REPLACE);
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
