package org.independentstudy.agreement;

/** How a signature was given (AGR-08: electronic signatures record their method). */
public enum SignatureMethod {
    /** A family member through the personal, single-use link sent by e-mail. */
    EMAIL_LINK,
    /** A staff member completing a signing task in Tasklist while logged in. */
    TASKLIST
}
