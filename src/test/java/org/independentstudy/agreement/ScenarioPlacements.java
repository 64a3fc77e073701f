package org.independentstudy.agreement;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.independentstudy.enrollment.Placement;
import org.springframework.stereotype.Component;

/** The placements of test cases, standing in for enrollment's placement service in the shared test context. */
@Component
class ScenarioPlacements implements CasePlacements {

    private final Map<Long, Placement> placements = new ConcurrentHashMap<>();

    void enroll(Placement placement) {
        placements.put(placement.caseId(), placement);
    }

    @Override
    public Placement placementOf(Long caseId) {
        return placements.get(caseId);
    }
}
