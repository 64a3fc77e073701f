package org.independentstudy.agreement;

/** The parties who sign a written agreement (AGR-06). */
public enum SignerRole {
    STUDENT(true, false),
    /** Parent, guardian or caregiver (Family Code 6550-6552); one of them signs for the family. */
    PARENT_OR_GUARDIAN(true, true),
    SUPERVISING_TEACHER(false, false),
    /** Course-based: every certificated teacher of the enrolled courses. */
    COURSE_TEACHER(false, false),
    /** Any member of the special-education group may sign as the designee. */
    SPECIAL_EDUCATION_DESIGNEE(false, true);

    private final boolean family;
    private final boolean anyOneSuffices;

    SignerRole(boolean family, boolean anyOneSuffices) {
        this.family = family;
        this.anyOneSuffices = anyOneSuffices;
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
