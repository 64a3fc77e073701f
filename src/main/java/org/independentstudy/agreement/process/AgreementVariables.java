package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the written-agreement process's variables that its steps read and write. */
final class AgreementVariables {

    static final String AGREEMENT_ID = "agreementId";
    static final String VERSION_ID = "agreementVersionId";
    /** After a principal's decision to revise: the day the fresh signing window counts from (yyyy-MM-dd, AGR-07). */
    static final String SIGNING_WINDOW_FROM = "signingWindowFrom";
    /** AGR-07: the instant signing must be complete by; the drafting and signing tasks are due then. */
    static final String SIGNATURE_DEADLINE_AT = "signatureDeadlineAt";
    /** AGR-07: the last school day on which signing is in time (yyyy-MM-dd). */
    static final String SIGNATURE_LAST_DAY = "signatureLastDay";
    /** Who submitted the draft last: a draft that comes back is assigned to them. */
    static final String DRAFTER = "drafter";
    /** Why the draft came back to its drafter, shown at the top of the drafting form; null when it did not. */
    static final String DRAFT_RETURNED_BECAUSE = "draftReturnedBecause";

    private AgreementVariables() {
    }

    /** The version being signed: every step after validation works on it. */
    static Long versionIdOf(VariableScope scope) {
        return (Long) scope.getVariable(VERSION_ID);
    }
}
