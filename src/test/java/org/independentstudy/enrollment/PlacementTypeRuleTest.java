package org.independentstudy.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.enrollment.FamilyRequest.PreferredPlacement;
import org.independentstudy.policy.DistrictPolicy;
import org.independentstudy.policy.DistrictPolicyRepository;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** ENR-06 and ENR-07 on the shipped policies and the demo 2026-27 calendar (Labor Day 2026-09-07). */
@IntegrationTest
class PlacementTypeRuleTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 14);

    @Autowired
    SchoolCalendar calendar;
    @Autowired
    DistrictPolicyRepository policies;

    @ParameterizedTest(name = "ENR-06 {2} projected school days under {0}: long-term {3}")
    @CsvSource({
            "BP6158-2022, 2026-10-01, 14, false", "BP6158-2022, 2026-10-02, 15, true",
            "BP6158-2022, 2026-10-05, 16, true",
            "SB153-2024, 2026-10-01, 14, false", "SB153-2024, 2026-10-02, 15, false",
            "SB153-2024, 2026-10-05, 16, true"})
    @DisplayName("ENR-06 14/15/16 projected school days: long-term from 15 under the seed policy, from 16 under SB 153")
    void projectedDaysAgainstEachPolicy(String policyCode, LocalDate end, int days, boolean longTerm) {
        PlacementType type = PlacementTypeRule.decide(policy(policyCode), calendar, PreferredPlacement.SHORT_TERM,
                MONDAY, end, 0);

        assertThat(type.projectedSchoolDays()).isEqualTo(days);
        assertThat(type.longTerm()).isEqualTo(longTerm);
        assertThat(type.longTermFrom()).isEqualTo(longTerm ? MONDAY : null);
        assertThat(type.policyCode()).isEqualTo(policyCode);
    }

    @Test
    @DisplayName("ENR-06 10 projected days after 4 used are short-term; after 5 used the count crosses 15 on the placement's 10th day")
    void cumulativeDaysCrossTheThreshold() {
        LocalDate tenthDay = LocalDate.of(2026, 9, 25);
        DistrictPolicy seed = policy("BP6158-2022");

        PlacementType short4 = PlacementTypeRule.decide(seed, calendar, PreferredPlacement.SHORT_TERM, MONDAY,
                tenthDay, 4);
        PlacementType long5 = PlacementTypeRule.decide(seed, calendar, PreferredPlacement.SHORT_TERM, MONDAY,
                tenthDay, 5);

        assertThat(short4.projectedSchoolDays()).isEqualTo(10);
        assertThat(short4.longTerm()).isFalse();
        assertThat(long5.longTerm()).isTrue();
        assertThat(long5.longTermFrom()).isEqualTo(tenthDay);
    }

    @Test
    @DisplayName("ENR-06 the cumulative count takes active placements of the same school year before the start, not refused ones or last year's")
    void cumulativeSchoolDaysOfEarlierPlacements() {
        Enrollment august = placed(LocalDate.of(2026, 8, 17), LocalDate.of(2026, 8, 28));
        august.activate(LocalDate.of(2026, 8, 17));
        Enrollment lastYear = placed(LocalDate.of(2026, 5, 4), LocalDate.of(2026, 6, 5));
        lastYear.activate(LocalDate.of(2026, 5, 4));
        Enrollment neverActive = placed(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 4));

        assertThat(PlacementTypeRule.cumulativeSchoolDaysBefore(calendar, MONDAY,
                List.of(august, lastYear, neverActive))).isEqualTo(10);
    }

    @Test
    @DisplayName("ENR-07 2 school days are refused and 3 accepted under the seed policy; SB 153 has no minimum")
    void minimumLength() {
        assertThat(EligibilityRules.minimumLength(policy("BP6158-2022"), 2))
                .hasValueSatisfying(r -> assertThat(r.ruleId()).isEqualTo("ENR-07"));
        assertThat(EligibilityRules.minimumLength(policy("BP6158-2022"), 3)).isEmpty();
        assertThat(EligibilityRules.minimumLength(policy("SB153-2024"), 1)).isEmpty();
    }

    private Enrollment placed(LocalDate start, LocalDate end) {
        RequestBuilder request = RequestBuilder.forStudent("S100001", 1L).dates(start, end);
        return new Enrollment(1L, 1L, "Ana Garcia (parent)", "counselor", request.build());
    }

    private DistrictPolicy policy(String code) {
        return policies.findById(code).orElseThrow();
    }
}
