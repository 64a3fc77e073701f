package org.independentstudy.process;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the case process's variables that Java reads and writes (the forms' keys are in forms/). */
public final class CaseVariables {

    public static final String PROCESS_KEY = "independent-study-case";
    public static final String CASE_ID = "caseId";
    public static final String REFUSAL_RULE = "refusalRule";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String ELIGIBILITY_REFUSED = "eligibilityRefused";

    private CaseVariables() {
    }

    /** Every process of a case carries its id, the case process and the phase processes it calls alike. */
    public static Long caseIdOf(VariableScope scope) {
        if (scope == null) {
            // a task whose execution another request has just ended (the same form submitted twice at once)
            throw new OptimisticLockingException("The task's execution was ended by another request");
        }
        return (Long) scope.getVariable(CASE_ID);
    }
}
