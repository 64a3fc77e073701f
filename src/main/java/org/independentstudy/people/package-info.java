/**
 * Students, guardians, staff, schools and credentials (AGR-02, AGR-06, AGR-11): what the district's student
 * information system knows, read by every phase.
 */
package org.independentstudy.people;

