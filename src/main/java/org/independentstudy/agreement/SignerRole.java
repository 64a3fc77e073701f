package org.independentstudy.agreement;

import java.util.Locale;

/** The parties who sign a written agreement (AGR-06). */
public enum SignerRole {
    STUDENT("Student", true, false),
    /** Parent, guardian or caregiver (Family Code 6550-6552); one of them signs for the family. */
    PARENT_OR_GUARDIAN("Parent, guardian or caregiver", true, true),
    SUPERVISING_TEACHER("Supervising teacher", false, false),
    /** Course-based: every certificated teacher of the enrolled courses. */
    COURSE_TEACHER("Course teacher", false, false),
    /** Any member of the special-education group may sign as the designee. */
    SPECIAL_EDUCATION_DESIGNEE("Special education designee", false, true);

    private final String label;
    private final boolean family;
    private final boolean anyOneSuffices;

    SignerRole(String label, boolean family, boolean anyOneSuffices) {
        this.label = label;
        this.family = family;
        this.anyOneSuffices = anyOneSuffices;
    }

    /** How the role reads on the printed agreement and the signing page. */
    public String label() {
        return label;
    }

    /** A signer as the case record and the staff's forms name them: "Rosa Alvarez (parent, guardian or caregiver)". */
    public String named(String name) {
        return name + " (" + label.toLowerCase(Locale.ROOT) + ")";
    }

    /** Signs through the e-mailed link rather than in Tasklist. */
    public boolean isFamily() {
        return family;
    }

    /** One signature of this role satisfies it, whoever of the listed signers gives it. */
    public boolean anyOneSuffices() {
        return anyOneSuffices;
    }
}
