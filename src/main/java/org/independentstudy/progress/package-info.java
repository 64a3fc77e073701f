/**
 * <b>Phase 3, progress evaluation</b>: once per school month of an active placement the supervising teacher judges
 * satisfactory progress on its four indicators (ATT-06); progress that fails, or the policy's number of missed
 * assignments, starts the formal evaluation with its written notice and outcome (ATT-07); the written record is
 * kept three years in the project's own tables (ATT-08).
 */
package org.independentstudy.progress;
