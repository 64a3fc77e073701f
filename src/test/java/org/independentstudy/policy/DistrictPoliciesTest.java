package org.independentstudy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DistrictPoliciesTest {

    @Autowired
    DistrictPolicyRepository repository;

    private DistrictPolicies adopting(Map<String, LocalDate> adopted) {
        return new DistrictPolicies(repository, new PolicyAdoptions(adopted));
    }

    @Test
    @DisplayName("the seed board policy carries the values of BP 6158 (2022-12-15)")
    void seedPolicyValues() {
        DistrictPolicy seed = repository.findById("BP6158-2022").orElseThrow();
        assertThat(seed.getLongTermThresholdDays()).isEqualTo(15);
        assertThat(seed.getMinimumPlacementDays()).isEqualTo(3);
        assertThat(seed.shortTermSignatureDeadlineDays()).contains(10);
        assertThat(seed.getMaxAssignmentCalendarDays()).isEqualTo(7);
    }

    @Test
    @DisplayName("the SB 153 policy: long-term from 16 days, no minimum, short-term signable any time")
    void currentLawPolicyValues() {
        DistrictPolicy sb153 = repository.findById("SB153-2024").orElseThrow();
        assertThat(sb153.isLongTerm(15)).isFalse();
        assertThat(sb153.isLongTerm(16)).isTrue();
        assertThat(sb153.getMinimumPlacementDays()).isZero();
        assertThat(sb153.shortTermSignatureDeadlineDays()).isEmpty();
    }

    @Test
    @DisplayName("the version in force is the adopted one with the latest effective date on or before the date")
    void lookupByDate() {
        DistrictPolicies policies = adopting(Map.of("BP6158-2022", LocalDate.of(2022, 12, 15),
                "SB153-2024", LocalDate.of(2026, 7, 1)));
        assertThat(policies.inForceOn(LocalDate.of(2026, 6, 30)).getCode()).isEqualTo("BP6158-2022");
        assertThat(policies.inForceOn(LocalDate.of(2026, 7, 1)).getCode()).isEqualTo("SB153-2024");
        assertThatThrownBy(() -> policies.inForceOn(LocalDate.of(2022, 12, 14)))
                .isInstanceOf(NoPolicyInForceException.class).hasMessageContaining("2022-12-14");
    }

    @Test
    @DisplayName("adopting an unknown policy version is a configuration error at start-up")
    void unknownAdoptionIsRefused() {
        assertThatThrownBy(() -> adopting(Map.of("BP9999", LocalDate.of(2020, 1, 1))))
                .hasMessageContaining("BP9999");
    }
}
