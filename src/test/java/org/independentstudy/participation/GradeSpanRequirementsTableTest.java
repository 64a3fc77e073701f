package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.independentstudy.people.Grade;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision table analysts edit, evaluated by the DMN engine alone: every grade and its edges. */
class GradeSpanRequirementsTableTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream table = Files.newInputStream(Path.of("processes/grade-span-requirements.dmn"))) {
            decision = engine.parseDecision("gradeSpanRequirements", table);
        }
    }

    @ParameterizedTest(name = "ATT-02 ENR-11 grade {0}, long-term {1}, exempt {2}: live interaction {3}, synchronous {4}")
    @DisplayName("ATT-02 ENR-11 the grade-span table")
    @CsvSource({
            "TK, true, false, NONE, DAILY",
            "3, true, false, NONE, DAILY",
            "4, true, false, DAILY, WEEKLY",
            "8, true, false, DAILY, WEEKLY",
            "9, true, false, NONE, WEEKLY",
            "12, true, false, NONE, WEEKLY",
            "K, false, false, NONE, NONE",
            "6, false, false, NONE, NONE",
            "2, true, true, NONE, NONE",
            "10, true, true, NONE, NONE"})
    void table(String grade, boolean longTerm, boolean exempt, Frequency live, Frequency synchronous) {
        DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, Variables.createVariables()
                .putValue("medicalExemption", exempt).putValue("longTerm", longTerm)
                .putValue("gradeLevel", GradeSpanRequirements.gradeLevel(Grade.of(grade)))).getSingleResult();

        assertThat(new RequiredSchedule(Frequency.valueOf(result.getEntry("liveInteraction")),
                Frequency.valueOf(result.getEntry("synchronousInstruction"))))
                .isEqualTo(new RequiredSchedule(live, synchronous));
    }
}
