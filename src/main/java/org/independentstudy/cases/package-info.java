/**
 * <b>The case, end to end</b>: a family's request received (ENR-01), the case process
 * {@code independent-study-case} that runs every phase in order, its open tasks and deadlines, and the case API
 * and views. Phases plug in here as called processes or steps; this package orchestrates, the phases decide.
 */
package org.independentstudy.cases;

