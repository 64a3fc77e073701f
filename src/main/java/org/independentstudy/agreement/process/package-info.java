/**
 * Steps of the written-agreement process ({@code processes/written-agreement.bpmn}) and its drafting form:
 * thin delegates and listeners over the agreement services (AGR-01..12).
 */
package org.independentstudy.agreement.process;

