/**
 * <b>Phase 2, family signing</b>: single-use, expiring e-mail links for the student and parents to sign the
 * agreement (AGR-06..08), the signing page and the mail that carries the links.
 */
package org.independentstudy.signing;

