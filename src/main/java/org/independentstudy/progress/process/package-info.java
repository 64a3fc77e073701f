/**
 * <b>Phase 3, progress evaluation</b> on the engine: the steps of the process {@code progress-evaluation}
 * (ATT-06..08).
 */
package org.independentstudy.progress.process;
