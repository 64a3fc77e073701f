/**
 * Steps of the case process ({@code processes/independent-study-case.bpmn}): thin delegates over
 * {@link org.independentstudy.enrollment.PlacementLifecycle} that move and close the case (ENR-06, AGR-09); and
 * Tasklist's {@code pre-enrollment-conference-request}, a parent's later request for the conference (ENR-02).
 */
package org.independentstudy.cases.process;

