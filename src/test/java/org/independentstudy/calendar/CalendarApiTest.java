package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.independentstudy.support.Api.as;
import static org.independentstudy.support.DemoCalendars.GOOGLE_EXPORT_2025_26;
import static org.independentstudy.support.DemoCalendars.OUTLOOK_EXPORT_2027_28;
import static org.independentstudy.support.DemoCalendars.resourceBytes;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.Uploads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class CalendarApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SchoolYearCalendarRepository calendars;
    @Autowired
    SchoolCalendar schoolCalendar;
    @Autowired
    SchoolCalendarLoader loader;

    @Test
    @DisplayName("CAL-01 the demo calendars of 2025-26 and 2026-27 are loaded at start-up and listed")
    void demoCalendarsAreListed() {
        ResponseEntity<List> list = as(rest, "counselor").getForEntity("/api/calendars", List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).extracting(y -> ((Map<?, ?>) y).get("schoolYear")).contains("2025-26", "2026-27");
    }

    @Test
    @DisplayName("CAL-01 a calendar file with a bad line is refused with a problem naming the line, and nothing is stored")
    void badCalendarFileIsRefusedNamingTheLine() {
        long before = calendars.count();
        String csv = "date,kind,description\n2027-08-16,FIRST_DAY,First day\n2027-13-01,HOLIDAY,Nonsense\n";
        ResponseEntity<Map> response = upload("admin", "2027-28.csv", csv);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) response.getBody().get("detail")).contains("line 3");
        assertThat(response.getBody()).doesNotContainKey("trace");
        assertThat(calendars.count()).isEqualTo(before);
    }

    @Test
    @DisplayName("CAL-01 dryRun=true answers the preview of a Google Calendar export: closed days, school-day events, skipped events, school days against the stored year; nothing is saved")
    void dryRunPreviewsAndSavesNothing() {
        List<SchoolYearCalendarEntity> before = calendars.findAllByOrderByFirstDayAsc();

        ResponseEntity<Map> response = upload("admin", "/api/calendars?dryRun=true", GOOGLE_EXPORT_2025_26,
                resourceBytes(GOOGLE_EXPORT_2025_26));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> preview = response.getBody();
        assertThat(preview).containsEntry("schoolYear", "2025-26").containsEntry("firstDay", "2025-08-13")
                .containsEntry("lastDay", "2026-06-10").containsEntry("schoolDays", 180)
                .containsEntry("replacesSchoolDays", 182).containsEntry("confirmationNeeded", true);
        assertThat((List<Map<String, Object>>) preview.get("closedDays")).contains(
                Map.of("date", "2025-09-01", "kind", "HOLIDAY", "description", "Labor Day - No School"));
        assertThat((List<Map<String, Object>>) preview.get("schoolDayEvents")).contains(
                Map.of("date", "2025-09-10", "time", "18:00:00", "event", "Back to School Night"));
        assertThat((List<Map<String, Object>>) preview.get("skippedEvents"))
                .extracting(skipped -> skipped.get("event"))
                .containsExactly("Christmas Day", "New Year's Day", "Juneteenth", "Independence Day (observed)");
        assertStoredUnchanged(before);
    }

    @Test
    @DisplayName("CAL-01 a plain import whose school-day count differs from the stored year is a 409 problem carrying the preview and saying how to confirm; nothing is saved")
    void importInDoubtIsA409WithThePreview() {
        List<SchoolYearCalendarEntity> before = calendars.findAllByOrderByFirstDayAsc();

        ResponseEntity<Map> response = upload("admin", "/api/calendars", GOOGLE_EXPORT_2025_26, resourceBytes(GOOGLE_EXPORT_2025_26));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> problem = response.getBody();
        assertThat(problem).containsEntry("rule", "CAL-01").containsEntry("confirmWith", "confirm=true")
                .containsEntry("type", "urn:problem:calendar-confirmation-required");
        assertThat((String) problem.get("detail")).contains("the file has 180 school days; the stored 2025-26 "
                + "calendar it replaces has 182", "Nothing was saved", "confirm=true");
        assertThat((Map<String, Object>) problem.get("preview")).containsEntry("schoolDays", 180)
                .containsEntry("replacesSchoolDays", 182).containsKey("closedDays");
        assertStoredUnchanged(before);
    }

    @Test
    @DisplayName("CAL-01 an Outlook export of a new year is saved at once; a re-import with another school-day count needs confirm=true and then replaces it")
    void newYearSavedThenReplacedOnConfirmation() {
        byte[] outlook = resourceBytes(OUTLOOK_EXPORT_2027_28);
        try {
            ResponseEntity<Map> created = upload("admin", "/api/calendars", OUTLOOK_EXPORT_2027_28, outlook);

            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getBody()).containsEntry("schoolYear", "2027-28").containsEntry("replaced", false);
            assertThat((Map<String, Object>) created.getBody().get("preview")).containsEntry("schoolDays", 179)
                    .containsEntry("confirmationNeeded", false);
            assertThat(schoolCalendar.isSchoolDay(LocalDate.of(2028, 3, 10))).isFalse();

            // the district drops its pupil-free day of 10 March 2028: 180 school days instead of 179
            byte[] changed = new String(outlook, StandardCharsets.UTF_8).replace("Pupil-Free Day", "Picture Day")
                    .getBytes(StandardCharsets.UTF_8);
            ResponseEntity<Map> inDoubt = upload("admin", "/api/calendars", OUTLOOK_EXPORT_2027_28, changed);
            assertThat(inDoubt.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat((Map<String, Object>) inDoubt.getBody().get("preview")).containsEntry("schoolDays", 180)
                    .containsEntry("replacesSchoolDays", 179);
            assertThat(schoolCalendar.isSchoolDay(LocalDate.of(2028, 3, 10))).isFalse();

            ResponseEntity<Map> confirmed = upload("admin", "/api/calendars?confirm=true", OUTLOOK_EXPORT_2027_28, changed);

            assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(confirmed.getBody()).containsEntry("replaced", true);
            assertThat(schoolCalendar.isSchoolDay(LocalDate.of(2028, 3, 10))).isTrue();
            assertThat(calendars.findBySchoolYear("2027-28")).get()
                    .satisfies(stored -> assertThat(stored.getImportedBy()).isEqualTo("admin"));
        } finally {
            // 2027-28 stays missing for the other tests (summer requests of July 2027)
            calendars.findBySchoolYear("2027-28").ifPresent(calendars::delete);
            loader.reload();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"counselor, /api/calendars", "counselor, /api/calendars?dryRun=true",
            "counselor, /api/calendars?confirm=true", "principal, /api/calendars?dryRun=true",
            "analyst, /api/calendars?dryRun=true"})
    @DisplayName("CAL-01 only district IT imports or previews calendars: other roles get 403")
    void onlyAdminsImportCalendars(String user, String url) {
        assertThat(upload(user, url, OUTLOOK_EXPORT_2027_28, resourceBytes(OUTLOOK_EXPORT_2027_28)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(calendars.findBySchoolYear("2027-28")).isEmpty();
    }

    private void assertStoredUnchanged(List<SchoolYearCalendarEntity> before) {
        assertThat(calendars.findAllByOrderByFirstDayAsc())
                .extracting(SchoolYearCalendarEntity::getSchoolYear, SchoolYearCalendarEntity::getSource,
                        SchoolYearCalendarEntity::getImportedAt)
                .containsExactlyElementsOf(before.stream().map(stored -> tuple(stored.getSchoolYear(),
                        stored.getSource(), stored.getImportedAt())).toList());
        assertThat(schoolCalendar.loadedSchoolYears()).extracting(SchoolYear::firstDay)
                .contains(LocalDate.of(2025, 8, 14));
    }

    private ResponseEntity<Map> upload(String user, String filename, String content) {
        return upload(user, "/api/calendars", filename, content.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<Map> upload(String user, String url, String path, byte[] content) {
        return as(rest, user).postForEntity(url, Uploads.fileForm(path.substring(path.lastIndexOf('/') + 1),
                content), Map.class);
    }
}
