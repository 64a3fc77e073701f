/**
 * <b>Records and audit</b> (REC-01..07, ATT-08): what a district hands its auditor, produced by the system: the
 * per-student audit bundle with its SHA-256 manifest, the reports, and FERPA's record of every export.
 */
package org.independentstudy.audit;
