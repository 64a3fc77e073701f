/**
 * The district's board policy in versions with effective dates: the values the rules catalogue marks
 * "(policy)" (ENR-06, ENR-07, AGR-07, AGR-10, ATT-04, ATT-07...), judged on a case's relevant date.
 */
package org.independentstudy.policy;

