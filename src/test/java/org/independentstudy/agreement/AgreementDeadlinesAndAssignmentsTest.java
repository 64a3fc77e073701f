package org.independentstudy.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.independentstudy.errors.InvalidRequestException;
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
    @DisplayName("AGR-07 CAL-02 a long-term agreement's last day to sign is the school day before its first day: Friday before a Monday, the day before winter break, the Friday before Labor Day")
    void longTermLastDayToSignIsASchoolDay() {
        DistrictPolicy policy = policy("BP6158-2022");
        assertThat(deadlines.deadlineOf(true, LocalDate.of(2027, 1, 11), policy).lastDayToSign())
                .as("Monday Jan 11: Friday Jan 8, not Sunday").isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(deadlines.deadlineOf(true, LocalDate.of(2027, 1, 7), policy).lastDayToSign())
                .as("first day after the winter break Dec 21 - Jan 6").isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(deadlines.deadlineOf(true, LocalDate.of(2026, 9, 8), policy).lastDayToSign())
                .as("Tuesday after Labor Day").isEqualTo(LocalDate.of(2026, 9, 4));
        assertThat(deadlines.deadlineOf(true, LocalDate.of(2026, 8, 13), policy).lastDayToSign())
                .as("the first day of the school year: signed over the summer, by the day before")
                .isEqualTo(LocalDate.of(2026, 8, 12));
    }

    @Test
    @DisplayName("AGR-07 a long-term placement signed after its planned first day starts the school day after the last signature")
    void longTermStartMovesAfterTheLastSignature() {
        LocalDate planned = LocalDate.of(2027, 1, 11);
        DistrictPolicy policy = policy("BP6158-2022");
        assertThat(deadlines.countableDays(true, planned, policy, LocalDate.of(2027, 1, 10)).firstCountableDay())
                .as("signed on the Sunday before: in time").isEqualTo(planned);
        assertThat(deadlines.countableDays(true, planned, policy, LocalDate.of(2027, 1, 14)).firstCountableDay())
                .as("Jan 15 is a staff day, Jan 18 a holiday").isEqualTo(LocalDate.of(2027, 1, 19));
    }

    @Test
    @DisplayName("AGR-07 a short-term placement signed on the last day of its window counts from its first day; signed on the next school day, only from the school day after the signature, and the record says so")
    void shortTermLateSigningCountsFromTheDayAfter() {
        LocalDate firstDay = LocalDate.of(2026, 12, 14);
        DistrictPolicy policy = policy("BP6158-2022");

        SignatureDeadlines.CountableDays lastDayOfWindow = deadlines.countableDays(false, firstDay, policy,
                LocalDate.of(2027, 1, 14));
        assertThat(lastDayOfWindow.firstCountableDay()).isEqualTo(firstDay);
        assertThat(lastDayOfWindow.explanation()).contains("in time", "every day from the first day 2026-12-14 counts");

        SignatureDeadlines.CountableDays nextSchoolDay = deadlines.countableDays(false, firstDay, policy,
                LocalDate.of(2027, 1, 19));
        assertThat(nextSchoolDay.firstCountableDay()).as("Jan 20, the school day after the signature")
                .isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(nextSchoolDay.explanation()).contains(SignatureDeadlines.LATE_SIGNATURE_COUNTS,
                "starts on 2027-01-20 instead of the planned 2026-12-14");
    }

    @Test
    @DisplayName("AGR-07 a principal's decision opens a fresh window counted from the decision day: 10 school days under BP 6158, the school year under SB 153")
    void freshWindowFromTheDecisionDay() {
        SignatureDeadline fresh = deadlines.windowFrom(LocalDate.of(2027, 1, 15), policy("BP6158-2022"));
        // Jan 19, 20, 21, 22, 25, 26, 27, 28, 29, Feb 1 (Jan 15 staff day and Jan 18 holiday not counted)
        assertThat(fresh.lastDayToSign()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(fresh.deadlineAt()).isEqualTo(Instant.parse("2027-02-02T07:59:59.999Z"));
        assertThat(deadlines.windowFrom(LocalDate.of(2027, 1, 15), policy("SB153-2024")).lastDayToSign())
                .isEqualTo(LocalDate.of(2027, 6, 10));
    }

    @Test
    @DisplayName("AGR-07 a principal keeps waiting until a school day after today, by default the fresh window's last day; a weekend or today is refused naming waitUntil")
    void waitingDayIsAFutureSchoolDay() {
        LocalDate today = LocalDate.of(2027, 1, 15);
        DistrictPolicy policy = policy("BP6158-2022");
        assertThat(deadlines.waitingDay(today, null, policy)).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(deadlines.waitingDay(today, LocalDate.of(2027, 1, 19), policy)).isEqualTo(LocalDate.of(2027, 1, 19));
        for (LocalDate refused : new LocalDate[] {LocalDate.of(2027, 1, 16), LocalDate.of(2027, 1, 18), today}) {
            assertThatThrownBy(() -> deadlines.waitingDay(today, refused, policy)).as(refused.toString())
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("waitUntil"));
        }
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
