package org.independentstudy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ATT-08: the engine's history keeps what it holds for the three years the records are kept, and is then cleaned up. */
@IntegrationTest
class HistoryRetentionTest {

    /** ATT-08: three years. */
    private static final int THREE_YEARS_IN_DAYS = 1095;

    @Autowired
    ProcessEngine engine;

    @Test
    @DisplayName("ATT-08 REC-07 every process and decision keeps its engine history 1095 days from its end (the nightly sweep, which holds no student, 30), and the cleanup runs nightly, removal-time based")
    void historyTimeToLiveAndCleanup() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty().allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey())
                        .isEqualTo("reengagement-sweep".equals(p.getKey()) ? 30 : THREE_YEARS_IN_DAYS));
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty().extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(THREE_YEARS_IN_DAYS);
    }
}
