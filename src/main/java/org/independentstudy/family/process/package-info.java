/**
 * The mail outbox's tries as jobs of the engine's job executor (issue 13.4), shared by every node of a cluster.
 */
package org.independentstudy.family.process;
