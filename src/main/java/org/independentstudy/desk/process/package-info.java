/**
 * The case desk's reads of the engine (issue 12): open tasks and timers with the case they serve, and the Tasklist
 * filters staff are given.
 */
package org.independentstudy.desk.process;
