/**
 * <b>Phase 3, progress evaluation</b>: satisfactory progress (ATT-06), the evaluation when it fails and its
 * three-year record (ATT-07, ATT-08). Not built yet.
 */
package org.independentstudy.progress;

