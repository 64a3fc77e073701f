/**
 * <b>Phase 3, daily participation</b>: who supervises whom ({@link org.independentstudy.participation.Supervisions},
 * written at activation, AGR-09), live interaction and synchronous instruction per school day (ATT-01), the
 * grade-span requirements (ATT-02), assignments and their time values (ATT-05, AGR-10), work samples (ATT-09) and
 * the attendance register (ATT-03, ATT-04).
 */
package org.independentstudy.participation;
