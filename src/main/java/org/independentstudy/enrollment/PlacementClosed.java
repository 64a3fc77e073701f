package org.independentstudy.enrollment;

import java.time.LocalDate;

/** The placement ended and its case closed (TRN-04); whatever still runs for it (re-engagement) ends with it. */
public record PlacementClosed(Long caseId, LocalDate lastDay) {
}
