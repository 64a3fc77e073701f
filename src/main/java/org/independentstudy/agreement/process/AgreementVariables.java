package org.independentstudy.agreement.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the written-agreement process's variables that its steps read and write. */
final class AgreementVariables {

    static final String AGREEMENT_ID = "agreementId";
    static final String VERSION_ID = "agreementVersionId";
    /** After a principal's decision to revise: the day the fresh signing window counts from (yyyy-MM-dd, AGR-07). */
    static final String SIGNING_WINDOW_FROM = "signingWindowFrom";

    private AgreementVariables() {
    }

    /** The version being signed: every step after validation works on it. */
    static Long versionIdOf(VariableScope scope) {
        return (Long) scope.getVariable(VERSION_ID);
    }
}
