/**
 * <b>The case record</b> (REC-07): the case and its append-only timeline, written by every phase through
 * {@link org.independentstudy.records.CaseRecord}; records and audit (REC-01..06) grow here.
 */
package org.independentstudy.records;

