package org.independentstudy.agreement;

/** How a signature was given (AGR-08: electronic signatures record their method). */
public enum SignatureMethod {
    /** A family member through the personal, single-use link sent by e-mail. */
    EMAIL_LINK("electronic, e-mailed link"),
    /** A staff member completing a signing task in Tasklist while logged in. */
    TASKLIST("electronic, Tasklist"),
    /** AGR-06: a family member signed in front of a staff member, who recorded it as the witness. */
    IN_PERSON("in person"),
    /** AGR-06: a family member signed the printed version on paper; staff uploaded the scan. */
    PAPER("on paper, scanned");

    private final String label;

    SignatureMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Recorded by a staff member on the family member's behalf, rather than given by the signer online. */
    public boolean recordedByStaff() {
        return this == IN_PERSON || this == PAPER;
    }
}
