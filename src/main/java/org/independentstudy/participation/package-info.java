/**
 * <b>Phase 3, daily participation</b>: live interaction and synchronous instruction per school day, the
 * attendance register and its time values (ATT-01..05, ATT-09). Not built yet: the active placement's days are
 * recorded here.
 */
package org.independentstudy.participation;

