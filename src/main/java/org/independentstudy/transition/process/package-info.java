/**
 * <b>Phase 5, transition</b> on the engine: the steps of the process {@code return-to-classroom} (TRN-01, TRN-03).
 */
package org.independentstudy.transition.process;
