package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.independentstudy.support.Api.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.Uploads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ParticipationImportTest {

    private static final DateTimeFormatter ZOOM = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
    private static final String HEADER = "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest\n";

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationImports imports;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("ATT-01 a month of Zoom sessions for a class of 25 imports in one call as suggestions; importing it again changes nothing; the teacher confirms, corrects one, and the record keeps both")
    void monthForAClassOf25() {
        List<ActivePlacement> pupils = IntStream.range(0, 25)
                .mapToObj(i -> withEmail(activePlacements.traditional("S100011", "teacher2"))).toList();
        List<LocalDate> month = calendar.schoolDaysBetween(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 26));
        StringBuilder report = new StringBuilder(HEADER);
        month.forEach(day -> {
            report.append(row("Linh Pham", "teacher2@district.example", day, 9, 0, 10, 0));
            pupils.forEach(p -> report.append(row(p.student().getFirstName(), emailOf(p), day, 9, 5, 9, 50)));
        });
        byte[] file = report.toString().getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map> first = upload("teacher2", file);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) first.getBody().get("suggestions")).hasSize(25 * month.size());
        assertThat((List<?>) first.getBody().get("unmatched")).hasSize(month.size());
        assertThat(recording.recordedFor("teacher2", Supervisions.TRADITIONAL_CLASS, month.get(0)))
                .doesNotContainKeys(pupils.stream().map(ActivePlacement::caseId).toArray(Long[]::new));

        ResponseEntity<Map> again = upload("teacher2", file);
        assertThat(again.getBody()).containsEntry("alreadyImported", true).containsEntry("importId",
                first.getBody().get("importId"));
        assertThat(jdbc.queryForObject("select count(*) from participation_suggestion where import_id = ?",
                Long.class, ((Number) first.getBody().get("importId")).longValue())).isEqualTo(25L * month.size());

        Long importId = ((Number) first.getBody().get("importId")).longValue();
        ActivePlacement late = pupils.get(0);
        imports.confirm("teacher2", importId, List.of(new ParticipationImports.Correction(late.caseId(), month.get(0), 20)));
        ParticipationEntry confirmed = recording.recordedFor("teacher2", Supervisions.TRADITIONAL_CLASS, month.get(0))
                .get(late.caseId());
        assertThat(confirmed.synchronousOfferedMinutes()).isEqualTo(60);
        assertThat(confirmed.synchronousAttendedMinutes()).isEqualTo(20);
        assertThat(jdbc.queryForMap("select attended_minutes, confirmed_minutes, confirmed_by from "
                + "participation_suggestion where import_id = ? and case_id = ? and school_day = ?", importId,
                late.caseId(), month.get(0))).containsValues(45, 20, "teacher2");
        assertThat(imports.confirm("teacher2", importId, List.of()).alreadyImported()).isTrue();
    }

    @Test
    @DisplayName("ATT-01 a report with a session on a Saturday or another teacher's student is refused naming the line; nothing of it is written")
    void refusedReport() {
        ActivePlacement mine = withEmail(activePlacements.traditional("S100011", "teacher2"));
        ActivePlacement theirs = withEmail(activePlacements.traditional("S100011", "teacher"));
        LocalDate tuesday = LocalDate.of(2027, 3, 2);
        byte[] file = (HEADER + row("A", emailOf(mine), tuesday, 9, 0, 9, 30)
                + row("A", emailOf(mine), LocalDate.of(2027, 3, 6), 9, 0, 9, 30)
                + row("B", emailOf(theirs), tuesday, 9, 0, 9, 30)).getBytes(StandardCharsets.UTF_8);
        long importsBefore = jdbc.queryForObject("select count(*) from participation_import", Long.class);

        assertThatThrownBy(() -> imports.importReport("teacher2", "zoom.csv", file))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("line 3", "line 4"));
        assertThat(jdbc.queryForObject("select count(*) from participation_import", Long.class)).isEqualTo(importsBefore);
        assertThat(upload("counselor", file).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ActivePlacement withEmail(ActivePlacement placement) {
        jdbc.update("update student set email = ? where id = ?", emailOf(placement), placement.student().getId());
        return placement;
    }

    private static String emailOf(ActivePlacement placement) {
        return placement.student().getStudentNumber().toLowerCase(Locale.ROOT) + "@students.district.example";
    }

    private static String row(String name, String email, LocalDate day, int fromHour, int fromMinute, int toHour,
                              int toMinute) {
        return "\"" + name + "\"," + email + "," + ZOOM.format(day.atTime(fromHour, fromMinute)) + ","
                + ZOOM.format(day.atTime(toHour, toMinute)) + ",0,No\n";
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> upload(String user, byte[] file) {
        return as(rest, user).postForEntity("/api/participation/imports",
                Uploads.fileForm("participants_81233445566.csv", file), Map.class);
    }
}
