package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.independentstudy.policy.DistrictPolicy;
import org.independentstudy.policy.DistrictPolicyRepository;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class AgreementDeadlinesAndAssignmentsTest {

    @Autowired
    SignatureDeadlines deadlines;
    @Autowired
    DistrictPolicyRepository policies;
    @Autowired
    AssignmentDueDatePolicy dueDates;

    private DistrictPolicy policy(String code) {
        return policies.findById(code).orElseThrow();
    }

    @Test
    @DisplayName("AGR-07 a short-term agreement is due 10 school days after the first day, counted across the winter break; reminders 2 school days before")
    void shortTermDeadlineAcrossWinterBreak() {
        SignatureDeadline deadline = deadlines.deadlineOf(false, LocalDate.of(2026, 12, 14), policy("BP6158-2022"));

        // Dec 15-18 (4), break Dec 21 - Jan 6, Jan 7, 8, 11, 12, 13, 14 (10)
        assertThat(deadline.lastDayToSign()).isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(deadline.deadlineAt()).isEqualTo(Instant.parse("2027-01-15T07:59:59.999Z"));
        assertThat(deadline.reminderAt()).isEqualTo(Instant.parse("2027-01-12T08:00:00Z"));
    }

    @Test
    @DisplayName("AGR-07 a long-term agreement is signed before its first day; under SB 153 a short-term one by the end of the school year")
    void longTermAndSb153Deadlines() {
        SignatureDeadline longTerm = deadlines.deadlineOf(true, LocalDate.of(2027, 1, 11), policy("BP6158-2022"));
        assertThat(longTerm.deadlineAt()).isEqualTo(Instant.parse("2027-01-11T08:00:00Z"));
        assertThat(longTerm.reminderAt()).as("2 school days before Monday Jan 11").isEqualTo(Instant.parse("2027-01-07T08:00:00Z"));

        SignatureDeadline sb153 = deadlines.deadlineOf(false, LocalDate.of(2027, 3, 1), policy("SB153-2024"));
        assertThat(sb153.lastDayToSign()).isEqualTo(LocalDate.of(2027, 6, 10));
    }

    @Test
    @DisplayName("AGR-07 a long-term placement signed after its planned first day starts the school day after the last signature")
    void longTermStartMovesAfterTheLastSignature() {
        LocalDate planned = LocalDate.of(2027, 1, 11);
        assertThat(deadlines.firstCountableDay(true, planned, LocalDate.of(2027, 1, 8))).isEqualTo(planned);
        assertThat(deadlines.firstCountableDay(true, planned, LocalDate.of(2027, 1, 14)))
                .as("Jan 15 is a staff day, Jan 18 a holiday").isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(deadlines.firstCountableDay(false, planned, LocalDate.of(2027, 1, 14))).isEqualTo(planned);
    }

    @Test
    @DisplayName("AGR-10 a due date 7 days after assignment is allowed, 8 needs a recorded approval, and none may fall after the agreement's end")
    void assignmentDueDates() {
        LocalDate assigned = LocalDate.of(2026, 9, 1);
        LocalDate end = LocalDate.of(2026, 9, 30);
        assertThat(dueDates.problemsOf(assigned, assigned.plusDays(7), end, null)).isEmpty();
        assertThat(dueDates.problemsOf(assigned, assigned.plusDays(8), end, null)).containsExactly(
                "AGR-10: due 8 days after assignment, more than the 7 days of BP6158-2022; a longer period needs a recorded approval");
        assertThat(dueDates.problemsOf(assigned, assigned.plusDays(8), end, "approved by principal, 2026-08-30"))
                .isEmpty();
        assertThat(dueDates.problemsOf(LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 1), end,
                "approved by principal")).containsExactly(
                "AGR-10: the due date 2026-10-01 is after the agreement's end date 2026-09-30");
    }
}
