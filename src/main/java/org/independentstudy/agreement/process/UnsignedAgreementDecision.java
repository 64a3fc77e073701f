package org.independentstudy.agreement.process;

/** AGR-07: what a principal decides about an agreement not fully signed by its deadline. */
enum UnsignedAgreementDecision {
    /** Back to drafting; the revised version gets a fresh signing window and fresh family links. */
    REVISE,
    /** The student returns to in-person instruction; the case closes. */
    END_PLACEMENT,
    /** Signing goes on until a school day the principal names (or the policy's default); then the decision returns. */
    KEEP_WAITING
}
