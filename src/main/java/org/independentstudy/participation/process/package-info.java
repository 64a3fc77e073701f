/**
 * <b>Phase 3, daily participation</b> on the engine: the grade-span decision table (ATT-02).
 */
package org.independentstudy.participation.process;
