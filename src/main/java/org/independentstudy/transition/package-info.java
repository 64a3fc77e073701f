/**
 * <b>Phase 5, transition and exits</b>: back to in-person instruction within five instructional days (TRN-01,
 * {@link org.independentstudy.transition.ReturnDeadline}, process {@code return-to-classroom}), whether the family
 * asked or an evaluation decided (TRN-03). Disenrollment and withdrawal in any phase (TRN-02) are in
 * {@code cases.FamilyLeaving}; the closing check of TRN-04 is not built yet.
 */
package org.independentstudy.transition;
