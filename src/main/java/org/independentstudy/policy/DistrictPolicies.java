package org.independentstudy.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Looks up the policy version in force on a date: the adopted version with the latest effective date on or before it. */
@Service
public class DistrictPolicies {

    private record Adoption(DistrictPolicy policy, LocalDate effectiveFrom) {
    }

    private final List<Adoption> adoptions;

    public DistrictPolicies(DistrictPolicyRepository repository, PolicyAdoptions config) {
        Map<String, DistrictPolicy> known = new java.util.HashMap<>();
        repository.findAll().forEach(p -> known.put(p.getCode(), p));
        this.adoptions = config.adopted().entrySet().stream()
                .map(e -> new Adoption(requireKnown(known, e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Adoption::effectiveFrom).reversed())
                .toList();
    }

    private static DistrictPolicy requireKnown(Map<String, DistrictPolicy> known, String code) {
        DistrictPolicy policy = known.get(code);
        if (policy == null) {
            throw new IllegalStateException("isp.policy.adopted names policy '" + code
                    + "', which is not one of " + known.keySet());
        }
        return policy;
    }

    public DistrictPolicy inForceOn(LocalDate date) {
        return adoptions.stream().filter(a -> !a.effectiveFrom().isAfter(date)).findFirst()
                .map(Adoption::policy)
                .orElseThrow(() -> new NoPolicyInForceException(date));
    }

    public Map<String, LocalDate> adopted() {
        return adoptions.stream().collect(java.util.stream.Collectors.toMap(
                a -> a.policy().getCode(), Adoption::effectiveFrom));
    }
}
