/**
 * <b>Phase 2, the written agreement</b>: drafting and validation (AGR-01..05, AGR-11), required signers and
 * signatures (AGR-06, AGR-08, AGR-09), signature deadlines (AGR-07), assignment due dates (AGR-10) and
 * supplements (AGR-12).
 */
package org.independentstudy.agreement;

