package org.independentstudy.agreement;

/**
 * AGR-07, AGR-08: how a counselor arranged the signature of a family signer whose signing e-mail was not delivered.
 * The record says what was arranged; the signature itself is recorded when it is given.
 */
public enum FamilyReachedWithoutEmail {
    PAPER("to sign on paper, the scan to be uploaded on the case page"),
    IN_PERSON("to sign in person at school"),
    OTHER("to sign another way");

    private final String description;

    FamilyReachedWithoutEmail(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
