/** The steps of the re-engagement processes (REE-01..10): thin delegates over the re-engagement services. */
package org.independentstudy.reengagement.process;
