package org.independentstudy.agreement;

/** AGR-07, AGR-08: how a counselor gets a signature from a family signer whose signing e-mail was not delivered. */
public enum FamilyReachedWithoutEmail {
    PAPER("they sign on paper, the scan uploaded on the case page"),
    IN_PERSON("they sign in person at school"),
    OTHER("another way");

    private final String description;

    FamilyReachedWithoutEmail(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
