/**
 * Pre-enrollment steps of the case process: registering the request, the eligibility checks and the
 * conference (ENR-01..11), as thin delegates over the enrollment services.
 */
package org.independentstudy.enrollment.process;

