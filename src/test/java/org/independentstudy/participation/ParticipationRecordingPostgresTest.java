package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.independentstudy.participation.ParticipationDays.nonparticipatory;
import static org.independentstudy.participation.ParticipationDays.participatory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ParticipationRecordingPostgresTest extends PostgresIntegrationTest {

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    RequirementGaps gaps;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WorkSamples workSamples;

    @Test
    @DisplayName("[PostgreSQL] ATT-02 the gap report, a read-only report, evaluates the decision table (whose history the engine writes) on the production database")
    void gapReportOnPostgres() {
        ActivePlacement tk = activePlacements.traditional("S100001", "teacher");
        LocalDate monday = LocalDate.of(2027, 2, 1);
        recording.record("teacher", List.of(participatory(tk.caseId(), monday, "teacher")));

        assertThat(gaps.between(monday, monday.plusDays(4), RequirementGaps.Scope.teacher("teacher")))
                .filteredOn(g -> g.caseId().equals(tk.caseId())).extracting(RequirementGap::day)
                .containsExactly(monday.plusDays(1), monday.plusDays(2), monday.plusDays(3), monday.plusDays(4));
    }

    @Test
    @DisplayName("[PostgreSQL] ATT-01 REC-07 a class's month in one call, again unchanged, one day corrected, and a refused call writes nothing")
    void bulkPathOnPostgres() {
        List<ActivePlacement> students = List.of(activePlacements.traditional("S100001", "teacher"),
                activePlacements.traditional("S100001", "teacher"), activePlacements.traditional("S100001", "teacher"));
        List<LocalDate> month = calendar.schoolDaysBetween(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 26));
        List<ParticipationEntry> entries = new ArrayList<>();
        students.forEach(s -> month.forEach(day -> entries.add(participatory(s.caseId(), day, "teacher"))));

        assertThat(recording.record("teacher", entries)).isEqualTo(new RecordedDays(entries.size(), 0, 0));
        List<ParticipationEntry> again = new ArrayList<>(entries);
        again.set(0, nonparticipatory(students.get(0).caseId(), month.get(0), "Hospital visit"));
        assertThat(recording.record("teacher", again)).isEqualTo(new RecordedDays(0, 1, entries.size() - 1));

        Long caseId = students.get(1).caseId();
        long before = count(caseId);
        assertThatThrownBy(() -> recording.record("teacher", List.of(
                participatory(caseId, LocalDate.of(2027, 3, 1), "teacher"),
                participatory(caseId, LocalDate.of(2027, 3, 6), "teacher"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(count(caseId)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from live_interaction i join participation_day d "
                + "on d.id = i.participation_day_id where d.case_id = ?", Long.class, caseId)).isEqualTo(month.size());
    }

    @Test
    @DisplayName("[PostgreSQL] ATT-09 a work sample's bytes round-trip through bytea, with its type and notation")
    void workSampleOnPostgres() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");
        byte[] drawing = WorkSampleFiles.image("png");

        WorkSamples.WorkSample kept = workSamples.upload("teacher", placement.caseId(), "drawing.png", drawing,
                "Careful labels", null);

        assertThat(workSamples.content(kept.id()).bytes()).isEqualTo(drawing);
        assertThat(kept.mediaType()).isEqualTo("image/png");
        assertThat(kept.notation()).isEqualTo("Careful labels");
    }

    private long count(Long caseId) {
        return jdbc.queryForObject("select count(*) from participation_day where case_id = ?", Long.class, caseId);
    }
}
