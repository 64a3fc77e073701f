package org.independentstudy.participation.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.independentstudy.participation.Frequency;
import org.independentstudy.participation.GradeSpanRequirements;
import org.independentstudy.participation.RequiredSchedule;
import org.independentstudy.people.Grade;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** ATT-02 evaluated on the engine: the newest deployed version of the decision {@code gradeSpanRequirements}. */
@Component
class GradeSpanRequirementsTable implements GradeSpanRequirements {

    static final String DECISION = "gradeSpanRequirements";

    private final DecisionService decisions;

    GradeSpanRequirementsTable(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * In a transaction of its own: the engine writes the evaluation to its decision history, which a read-only
     * caller's transaction (a report) must not refuse, as PostgreSQL does.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RequiredSchedule of(Grade grade, boolean longTerm, boolean medicalExemption) {
        DmnDecisionRuleResult first = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                .putValue("medicalExemption", medicalExemption).putValue("longTerm", longTerm)
                .putValue("gradeLevel", GradeSpanRequirements.gradeLevel(grade))).getFirstResult();
        if (first == null) {
            throw new IllegalStateException("ATT-02: the deployed table " + DECISION + " has no rule for grade "
                    + grade.code() + (longTerm ? ", long-term" : ", short-term"));
        }
        Map<String, Object> result = first.getEntryMap();
        return new RequiredSchedule(Frequency.valueOf((String) result.get("liveInteraction")),
                Frequency.valueOf((String) result.get("synchronousInstruction")));
    }
}
