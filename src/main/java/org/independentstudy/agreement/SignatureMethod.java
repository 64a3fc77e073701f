package org.independentstudy.agreement;

/** How a signature was given (AGR-08: electronic signatures record their method). */
public enum SignatureMethod {
    /** A family member through the personal, single-use link sent by e-mail. */
    EMAIL_LINK("electronic, e-mailed link"),
    /** A staff member completing a signing task in Tasklist while logged in. */
    TASKLIST("electronic, Tasklist");

    private final String label;

    SignatureMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
