/**
 * <b>The case, end to end</b>: a family's request received (ENR-01), the case process
 * {@code independent-study-case} that runs every phase in order, its open tasks and deadlines, and the case API
 * and views. Phases plug in here as called processes or steps; this package orchestrates, the phases decide. The
 * ways a case ends start here too: the family leaving in any phase (TRN-02, ENR-02, {@code FamilyLeaving}), an
 * active placement ended early ({@code PlacementEndings}) and a return to the classroom (TRN-01,
 * {@code ReturnRequests}).
 */
package org.independentstudy.cases;

