/**
 * <b>The district's school calendar</b> every deadline is counted on (CAL-01..03): school years imported from
 * the district's CSV or iCalendar files, school days, school months and semesters.
 */
package org.independentstudy.calendar;

