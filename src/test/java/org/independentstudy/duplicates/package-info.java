/**
 * Issue 13.5: the same form, message or import delivered twice at the same moment has the effect of one, on H2 and
 * on PostgreSQL.
 */
package org.independentstudy.duplicates;
