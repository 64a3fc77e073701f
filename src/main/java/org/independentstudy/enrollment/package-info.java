/**
 * <b>Phase 1, pre-enrollment</b>: the voluntary request (ENR-01), the pre-enrollment conference (ENR-02),
 * IEP, 504, suspension and medical conditions (ENR-03..05, ENR-09, ENR-11), minimum length (ENR-07), the placement
 * type and cumulative days (ENR-06), the course-based semester lock (ENR-08), resources (ENR-10).
 */
package org.independentstudy.enrollment;

