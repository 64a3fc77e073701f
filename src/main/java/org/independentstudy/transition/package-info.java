/**
 * <b>Phase 5, transition and exits</b>: back to in-person instruction within five instructional days
 * (TRN-01), disenrollment at any time (TRN-02), returns decided by an evaluation or a principal (TRN-03), the case
 * closed with its records complete (TRN-04). Not built yet.
 */
package org.independentstudy.transition;

