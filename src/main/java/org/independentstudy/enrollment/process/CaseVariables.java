package org.independentstudy.enrollment.process;

/** Names of the case process's variables that Java reads and writes (the forms' keys are in forms/). */
final class CaseVariables {

    static final String PROCESS_KEY = "independent-study-case";
    static final String CASE_ID = "caseId";
    static final String REFUSAL_RULE = "refusalRule";
    static final String REFUSAL_REASON = "refusalReason";
    static final String ELIGIBILITY_REFUSED = "eligibilityRefused";

    private CaseVariables() {
    }
}
