package org.independentstudy.agreement;

/**
 * One party who must sign (AGR-06).
 *
 * @param identity who signs: a staff member's username; {@code student:<id>} or {@code guardian:<id>} for the
 *                 family; null for the special-education designee (any member of the group)
 * @param email    where the family's signing link goes; a staff member's address for staff
 */
public record RequiredSigner(SignerRole role, String identity, String name, String email) {

    private static final String GUARDIAN = "guardian:";

    public static String studentIdentity(Long studentId) {
        return "student:" + studentId;
    }

    public static String guardianIdentity(Long guardianId) {
        return GUARDIAN + guardianId;
    }

    /** The guardian record of a parent, guardian or caregiver who signs; null for everyone else. */
    public Long guardianId() {
        return identity != null && identity.startsWith(GUARDIAN) ? Long.valueOf(identity.substring(GUARDIAN.length()))
                : null;
    }

    /** Whether the given signer, signing in the given role, is this required signer. */
    public boolean isSignedBy(SignerRole signedRole, String signerIdentity) {
        return role == signedRole && (role.anyOneSuffices() || identity.equals(signerIdentity));
    }
}
