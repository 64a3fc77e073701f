package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
class AssignmentsAndRegisterTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 2, 1);
    private static final LocalDate TODAY = LocalDate.of(2027, 2, 26);

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    Assignments assignments;
    @Autowired
    AttendanceRegister register;
    @Autowired
    ParticipationRecording participation;
    @Autowired
    CaseRecord caseRecord;

    /** Placements are signed before they start (the default clock); their days are recorded in late February. */
    private static void lateFebruary() {
        ClockUtil.setCurrentTime(Date.from(TODAY.atTime(16, 0).atZone(ZoneId.of("America/Los_Angeles")).toInstant()));
    }

    @Test
    @DisplayName("ATT-03 ATT-04 a day with work but no synchronous minutes, under each grade span's minimum day: TK 180, grade 1 230, grade 6 240, grade 9 240")
    void workOnlyUnderEachGradeSpan() {
        ActivePlacement tk = activePlacements.traditional("S100001", "teacher");
        ActivePlacement first = activePlacements.traditional("S100003", "teacher");
        ActivePlacement seventh = activePlacements.traditional("S100008", "teacher");
        ActivePlacement tenth = activePlacements.traditional("S100011", "teacher");
        lateFebruary();

        assertThat(halfDayOfWorkFor(tk, 90)).isEqualByComparingTo("0.5");
        assertThat(halfDayOfWorkFor(first, 115)).isEqualByComparingTo("0.5");
        assertThat(halfDayOfWorkFor(seventh, 120)).isEqualByComparingTo("0.5");
        assertThat(halfDayOfWorkFor(tenth, 120)).isEqualByComparingTo("0.5");
    }

    @Test
    @DisplayName("ATT-03 work and synchronous minutes of one day add up and are capped at one day; the surplus counts on no other day")
    void cappedDay() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        lateFebruary();
        participation.record("teacher", List.of(new ParticipationEntry(placement.caseId(), MONDAY,
                ParticipationStatus.PARTICIPATORY, null, 90, 90, List.of())));
        completed(placement, "Essay", MONDAY, MONDAY.plusDays(3), MONDAY, 400);

        assertThat(register.valueOf(placement.caseId(), MONDAY)).isEqualByComparingTo("1");
        assertThat(register.totalOf(placement.caseId())).isEqualByComparingTo("1.00");
    }

    @Test
    @DisplayName("ATT-03 ATT-05 late work is not banked: received after its due date it counts on the day received, the due day keeps nothing; it is not missed")
    void lateWorkNotBanked() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        lateFebruary();
        LocalDate due = MONDAY.plusDays(2);
        LocalDate received = MONDAY.plusDays(8);
        Long id = completed(placement, "Lab report", MONDAY, due, received, 120);

        assertThat(register.valueOf(placement.caseId(), due)).isEqualByComparingTo("0");
        assertThat(register.valueOf(placement.caseId(), received)).isEqualByComparingTo("0.5");
        assertThat(assignments.ofCase(placement.caseId())).filteredOn(a -> a.id().equals(id)).singleElement()
                .satisfies(a -> assertThat(a.missed()).isFalse());
    }

    @Test
    @DisplayName("ATT-05 an assignment past due and not completed counts as missed; due today it does not yet")
    void missedAssignments() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        lateFebruary();
        List<Long> ids = assignments.record("teacher", List.of(
                given(placement, "Reading log", TODAY.minusDays(5), TODAY.minusDays(1)),
                given(placement, "Map quiz", TODAY.minusDays(5), TODAY)));

        assertThat(assignments.ofCase(placement.caseId())).extracting(AssignmentView::id, AssignmentView::missed)
                .containsExactly(tuple(ids.get(0), true),
                        tuple(ids.get(1), false));
    }

    @Test
    @DisplayName("AGR-10 a due date at the policy's maximum is accepted; one day more waits for a principal's approval, which records who and when")
    void longerPeriodNeedsApproval() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        lateFebruary();
        List<Long> ids = assignments.record("teacher", List.of(
                given(placement, "Unit project", MONDAY, MONDAY.plusDays(7)),
                given(placement, "Research paper", MONDAY, MONDAY.plusDays(8))));

        List<AssignmentView> recorded = assignments.ofCase(placement.caseId());
        assertThat(recorded).extracting(AssignmentView::approvalRequired).containsExactly(false, true);
        AssignmentView approved = assignments.approve(ids.get(1), "principal", "Library access only on weekends");
        assertThat(approved.approvedBy()).isEqualTo("principal");
        assertThat(approved.approvedAt()).isNotNull();
        assertThat(caseRecord.timelineOf(placement.caseId())).extracting(TimelineEntry::getStep)
                .contains("assignmentPeriodApproved");
        assertThatThrownBy(() -> assignments.approve(ids.get(0), "principal", "again"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    @DisplayName("AGR-10 ATT-05 no due date after the placement's last day, and another teacher's student is refused; nothing of the call is written")
    void refusedAssignments() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        ActivePlacement other = activePlacements.traditional("S100011", "teacher2");
        lateFebruary();

        assertThatThrownBy(() -> assignments.record("teacher", List.of(
                given(placement, "Fine", MONDAY, MONDAY.plusDays(2)),
                given(placement, "Final", placement.lastDay().minusDays(2), placement.lastDay().plusDays(1)),
                given(other, "Not mine", MONDAY, MONDAY.plusDays(2)))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("assignments[1].dueOn", "assignments[2].caseId"));
        assertThat(assignments.ofCase(placement.caseId())).isEmpty();
    }

    @Test
    @DisplayName("ATT-03 REC-07 a corrected work product recomputes its day in the register, and the timeline keeps the old and the new value")
    void correctionRecomputes() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        lateFebruary();
        Long id = completed(placement, "Essay", MONDAY, MONDAY.plusDays(3), MONDAY.plusDays(1), 60);
        assertThat(register.valueOf(placement.caseId(), MONDAY.plusDays(1))).isEqualByComparingTo("0.25");

        assignments.record("teacher", List.of(new AssignmentEntry(id, null, null, null, null, null,
                MONDAY.plusDays(1), 180, "Rewritten with sources")));

        assertThat(register.valueOf(placement.caseId(), MONDAY.plusDays(1))).isEqualByComparingTo("0.75");
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(t -> t.getStep().equals("workProductCorrected"))
                .singleElement().extracting(TimelineEntry::getDescription).asString()
                .contains("60 min").contains("180 min").contains("0.2500 -> 0.7500");
    }

    private BigDecimal halfDayOfWorkFor(ActivePlacement placement, int minutes) {
        completed(placement, "Worksheet", MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(1), minutes);
        return register.valueOf(placement.caseId(), MONDAY.plusDays(1));
    }

    private Long completed(ActivePlacement placement, String title, LocalDate assigned, LocalDate due,
                           LocalDate received, int creditedMinutes) {
        return assignments.record("teacher", List.of(new AssignmentEntry(null, placement.caseId(), title, assigned,
                due, 60, received, creditedMinutes, "Complete and accurate"))).get(0);
    }

    private static AssignmentEntry given(ActivePlacement placement, String title, LocalDate assigned, LocalDate due) {
        return new AssignmentEntry(null, placement.caseId(), title, assigned, due, 60, null, null, null);
    }
}
