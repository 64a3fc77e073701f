/**
 * Steps of the case process ({@code processes/independent-study-case.bpmn}): thin delegates over
 * {@link org.independentstudy.enrollment.PlacementLifecycle} that move and close the case (ENR-06, AGR-09).
 */
package org.independentstudy.cases.process;

