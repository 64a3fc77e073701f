package org.independentstudy.signing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a family signing link needs of the agreement: who in the family signs a version, the version as the
 * family reads it, and the signature itself (method: electronic link).
 */
public interface AgreementsForFamilySigning {

    SignatureRequest signatureRequest(Long agreementVersionId);

    /** The agreement version as an HTML document, exactly as signed. */
    String renderHtml(Long agreementVersionId);

    /** Records the signature of the version by this signer, with method "electronic link" (AGR-08). */
    LinkSignatureOutcome signByLink(Long agreementVersionId, String signerRole, String signerIdentity);

    enum LinkSignatureOutcome {
        SIGNED,
        /** This signer's signature of this version is already on record; nothing was recorded twice. */
        ALREADY_SIGNED,
        /** The version was superseded, or this signer no longer has to sign it (e.g. the student turned 18). */
        NO_LONGER_REQUESTED
    }

    /**
     * A version sent out for signature.
     *
     * @param agreementId     the agreement whose versions supersede one another
     * @param signingDeadline the last day to sign, when the policy sets one (AGR-07); may be null
     * @param startMovesWhenLate long-term (AGR-07): signed late, the placement starts later instead of failing,
     *                           so the family's link outlives the planned start
     */
    record SignatureRequest(Long caseId, Long agreementId, Long agreementVersionId, String studentFirstName,
                            LocalDate signingDeadline, boolean startMovesWhenLate, List<FamilySigner> familySigners) {

        public Optional<LocalDate> deadline() {
            return Optional.ofNullable(signingDeadline);
        }

        /** The last day a link may be used, beyond its validity period: the deadline, unless the start moves. */
        public Optional<LocalDate> lastDayOfLinks() {
            return startMovesWhenLate ? Optional.empty() : deadline();
        }

        /** The same request, for these family signers only. */
        public SignatureRequest onlyFor(Set<String> identities) {
            return new SignatureRequest(caseId, agreementId, agreementVersionId, studentFirstName, signingDeadline,
                    startMovesWhenLate, familySigners.stream().filter(s -> identities.contains(s.identity())).toList());
        }
    }

    /**
     * A student or parent/guardian/caregiver who signs (AGR-06).
     *
     * @param identity {@code guardian:<id>} or {@code student:<id>}: the actor of the signature on the case record
     * @param email    where the personal link goes; null when the family gave none
     */
    record FamilySigner(String role, String identity, String name, String email) {
    }
}
