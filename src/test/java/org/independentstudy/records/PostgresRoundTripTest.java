package org.independentstudy.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.cases.CaseIntake;
import org.independentstudy.enrollment.EnrolledPlacements;
import org.independentstudy.policy.DistrictPolicies;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application on a real PostgreSQL: our migrations, the engine's schema, and a round trip through both. */
class PostgresRoundTripTest extends PostgresIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    DemoStudents students;
    @Autowired
    CaseIntake intake;
    @Autowired
    EnrolledPlacements placements;
    @Autowired
    DistrictPolicies policies;
    @Autowired
    SchoolCalendar schoolCalendar;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @Test
    @DisplayName("[PostgreSQL] Flyway migrated our tables and the engine created its own")
    void schemasAreInPlace() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from app_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
        assertThat(policies.inForceOn(LocalDate.of(2026, 9, 1)).getCode()).isEqualTo("BP6158-2022");
        assertThat(schoolCalendar.addSchoolDays(LocalDate.of(2026, 11, 20), 5)).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    @DisplayName("[PostgreSQL] a family's request round-trips through the case process and our tables")
    void caseRoundTripThroughTheCaseProcess() {
        Long caseId = intake.receive(students.requestFor("S100001").build());

        IndependentStudyCase stored = caseRecord.get(caseId);
        ProcessInstance process = runtimeService.createProcessInstanceQuery()
                .processInstanceId(stored.getProcessInstanceId()).singleResult();
        assertThat(process.getBusinessKey()).isEqualTo(caseId.toString());
        assertThat(stored.getPhase()).isEqualTo(CasePhase.AGREEMENT);
        assertThat(placements.placementOf(caseId).policyCode()).isEqualTo("BP6158-2022");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId.toString()).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("draftAgreement");
        assertThat(caseRecord.timelineOf(caseId)).extracting(TimelineEntry::getStep)
                .contains("familyRequestReceived", "placementTypeDecided", "readyForAgreement");
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId("registerFamilyRequest").finished().count()).isEqualTo(1);
    }
}
