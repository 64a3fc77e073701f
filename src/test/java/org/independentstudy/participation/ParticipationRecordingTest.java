package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.independentstudy.participation.ParticipationDays.nonparticipatory;
import static org.independentstudy.participation.ParticipationDays.participatory;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.PlacementLifecycle;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ParticipationRecordingTest {

    private static final LocalDate TUESDAY = LocalDate.of(2027, 1, 12);
    private static final LocalDate MLK_DAY = LocalDate.of(2027, 1, 18);
    private static final LocalDate SATURDAY = LocalDate.of(2027, 1, 16);

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    PlacementLifecycle lifecycle;
    @Autowired
    CaseRecord caseRecord;

    @Test
    @DisplayName("ATT-01 a teacher records a class day in one call, participatory with minutes and a live interaction or nonparticipatory with its reason, and reads it back")
    void classDayInOneCall() {
        ActivePlacement ana = activePlacements.traditional("S100001", "teacher");
        ActivePlacement ben = activePlacements.traditional("S100001", "teacher");
        ParticipationEntry present = participatory(ana.caseId(), TUESDAY, "teacher");
        ParticipationEntry absent = nonparticipatory(ben.caseId(), TUESDAY, "No log-in, no work turned in");

        assertThat(recording.record("teacher", List.of(present, absent))).isEqualTo(new RecordedDays(2, 0, 0));

        assertThat(recording.recordedFor("teacher", Supervisions.TRADITIONAL_CLASS, TUESDAY))
                .containsEntry(ana.caseId(), present).containsEntry(ben.caseId(), absent);
    }

    @Test
    @DisplayName("ATT-01 the placement's first and last day are recorded; the day before the first is refused, naming the row")
    void placementEdges() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");

        assertThat(recording.record("teacher", List.of(participatory(placement.caseId(), placement.firstDay(), "teacher"),
                participatory(placement.caseId(), placement.lastDay(), "teacher")))).isEqualTo(new RecordedDays(2, 0, 0));
        assertThatThrownBy(() -> recording.record("teacher",
                List.of(participatory(placement.caseId(), LocalDate.of(2027, 1, 8), "teacher"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("entries[0].schoolDay")
                        .hasEntrySatisfying("entries[0].schoolDay", m -> assertThat(m).contains("outside the placement")));
    }

    @Test
    @DisplayName("ATT-01 TRN-04 once an early end closed the case its record is read-only: neither its last day again nor the next school day is recorded")
    void earlyEnd() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");
        LocalDate lastDay = LocalDate.of(2027, 2, 5);
        assertThat(recording.record("teacher", List.of(participatory(placement.caseId(), lastDay, "teacher"))).created())
                .isEqualTo(1);
        lifecycle.end(placement.caseId(), lastDay, Enrollment.EndReason.DISENROLLED);

        for (LocalDate day : List.of(lastDay, LocalDate.of(2027, 2, 8))) {
            assertThatThrownBy(() -> recording.record("teacher", List.of(nonparticipatory(placement.caseId(), day,
                    "Changed afterwards")))).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                    e.fieldErrors()).containsOnlyKeys("entries[0].caseId"));
        }
    }

    @Test
    @DisplayName("ATT-01 a holiday, a weekend and another teacher's student refuse the whole call, naming each row; nothing of it is written")
    void refusedRowsWriteNothing() {
        ActivePlacement mine = activePlacements.traditional("S100001", "teacher");
        ActivePlacement other = activePlacements.traditional("S100001", "teacher2");

        assertThatThrownBy(() -> recording.record("teacher", List.of(
                participatory(mine.caseId(), TUESDAY, "teacher"),
                participatory(mine.caseId(), MLK_DAY, "teacher"),
                participatory(mine.caseId(), SATURDAY, "teacher"),
                participatory(other.caseId(), TUESDAY, "teacher"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("ATT-01");
                    assertThat(e.fieldErrors()).containsOnlyKeys("entries[1].schoolDay", "entries[2].schoolDay",
                            "entries[3].caseId");
                    assertThat(e.fieldErrors().get("entries[1].schoolDay")).contains("not a school day");
                    assertThat(e.fieldErrors().get("entries[3].caseId")).contains("not a student teacher supervises");
                });
        assertThat(recording.recordedFor("teacher", Supervisions.TRADITIONAL_CLASS, TUESDAY))
                .doesNotContainKey(mine.caseId());
    }

    @Test
    @DisplayName("ATT-01 a nonparticipatory day needs its reason, attended minutes never exceed offered, and a live interaction names who, how long and why")
    void incompleteRowsRefused() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");
        Long id = placement.caseId();

        assertThatThrownBy(() -> recording.record("teacher", List.of(
                nonparticipatory(id, TUESDAY, " "),
                new ParticipationEntry(id, TUESDAY.plusDays(1), ParticipationStatus.PARTICIPATORY, null, 30, 31, null),
                new ParticipationEntry(id, TUESDAY.plusDays(2), ParticipationStatus.PARTICIPATORY, null, 30, 30,
                        List.of(new LiveInteraction("teacher", InteractionMethod.PHONE, 10, null))),
                participatory(id, TUESDAY, "teacher"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("entries[0].nonparticipatoryReason", "entries[1].synchronousAttendedMinutes",
                                "entries[2].liveInteractions[0].purpose", "entries[3].schoolDay"));
    }

    @Test
    @DisplayName("ATT-01 ATT-03 REC-07 recording a day again: the same values change nothing; other values correct it, with before and after and the register day it recomputed on the case timeline")
    void corrections() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");
        ParticipationEntry first = nonparticipatory(placement.caseId(), TUESDAY, "Sick, no work");
        recording.record("teacher", List.of(first));

        assertThat(recording.record("teacher", List.of(first))).isEqualTo(new RecordedDays(0, 0, 1));
        ParticipationEntry corrected = participatory(placement.caseId(), TUESDAY, "teacher");
        assertThat(recording.record("teacher", List.of(corrected))).isEqualTo(new RecordedDays(0, 1, 0));

        assertThat(recording.recordedFor("teacher", Supervisions.TRADITIONAL_CLASS, TUESDAY))
                .containsEntry(placement.caseId(), corrected);
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(t -> t.getStep().equals("participationCorrected"))
                .singleElement().extracting(TimelineEntry::getDescription).asString()
                .contains("was nonparticipatory (Sick, no work)").contains("now participatory")
                .contains("by teacher").contains("Register 2027-01-12: 0.0000 -> 0.2500");
    }
}
