/**
 * The case desk (issue 12): the pages school staff work from around Tasklist. My work with school-day countdowns,
 * student search and the family, the case page (phase, placement, policy, timeline, deadlines, agreement
 * versions and signers, links sent, participation, re-engagement tier, open tasks), and the principal's view of
 * escalations and cases at risk. Read models only: every change goes through the feature that owns it.
 */
package org.independentstudy.desk;
