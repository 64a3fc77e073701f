/**
 * <b>Rosters from the district's SIS</b> (issue 12.6): schools, students, guardians and staff imported from the
 * OneRoster 1.1/1.2 CSV package a student information system exports (a zip of CSV files with manifest.csv), keyed
 * on the SIS's sourcedIds so that a re-import updates what it imported before. A package with errors is refused
 * whole, each error naming its file and line.
 */
package org.independentstudy.rosters;
