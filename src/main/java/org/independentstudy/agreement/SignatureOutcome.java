package org.independentstudy.agreement;

/** What {@link AgreementSignatures#sign} did. */
public enum SignatureOutcome {
    SIGNED,
    /** This signer had already signed this version; nothing was recorded twice. */
    ALREADY_SIGNED,
    /** The agreement was edited after this version was sent; the new version must be signed (AGR-08). */
    VERSION_SUPERSEDED,
    /** The signer is not one of the required signers of this version on the signing date (AGR-06). */
    NOT_A_REQUIRED_SIGNER
}
