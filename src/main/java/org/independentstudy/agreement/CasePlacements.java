package org.independentstudy.agreement;

import org.independentstudy.enrollment.Placement;

/** Where the agreement phase reads the placement a case was enrolled for (enrollment's placement service). */
public interface CasePlacements {

    Placement placementOf(Long caseId);
}
