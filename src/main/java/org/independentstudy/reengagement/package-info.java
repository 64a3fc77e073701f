/**
 * <b>Phase 4, tiered re-engagement</b> (long-term placements not exempt under ENR-11): the nightly sweep that finds
 * the triggers set-wise (REE-01..04, {@link org.independentstudy.reengagement.TriggerFindings}), the parent notice of
 * every nonparticipatory day (REE-06, {@link org.independentstudy.reengagement.ParentNotices}), and the
 * re-engagement itself: contact check, outreach plan, conference and the principal's decision, one open per
 * student (REE-05, REE-07..10, {@link org.independentstudy.reengagement.Reengagements}). Processes:
 * reengagement-sweep, tiered-reengagement, parent-notice; decision table reengagement-conference-standard.
 */
package org.independentstudy.reengagement;
