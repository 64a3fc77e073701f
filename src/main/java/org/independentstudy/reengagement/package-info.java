/**
 * <b>Phase 4, tiered re-engagement</b>: the triggers (REE-01..04), the parent notice (REE-06), contact check,
 * outreach, conference and the principal's decision (REE-05, REE-07..10). Not built yet.
 */
package org.independentstudy.reengagement;

