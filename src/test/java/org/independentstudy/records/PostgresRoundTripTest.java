package org.independentstudy.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.independentstudy.calendar.SchoolCalendar;
import org.independentstudy.people.StudentRepository;
import org.independentstudy.policy.DistrictPolicies;
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
    StudentRepository students;
    @Autowired
    DistrictPolicies policies;
    @Autowired
    SchoolCalendar schoolCalendar;
    @Autowired
    RepositoryService repositoryService;
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
    @DisplayName("[PostgreSQL] a case and its timeline round-trip through a process on the engine")
    void caseRoundTripThroughAProcess() {
        repositoryService.createDeployment().name("postgres-round-trip")
                .addModelInstance("round-trip.bpmn", Bpmn.createExecutableProcess("postgresRoundTrip")
                        .camundaHistoryTimeToLive(1)
                        .startEvent("requestReceived")
                        .userTask("reviewRequest").camundaCandidateGroups("counselors")
                        .endEvent("requestReviewed")
                        .done())
                .deploy();
        Long studentId = students.findByStudentNumber("S100001").orElseThrow().getId();
        IndependentStudyCase opened = caseRecord.open(studentId,
                students.findById(studentId).orElseThrow().getSchoolId(),
                CaseEvent.underRule("ENR-01", "familyRequestReceived", "Round trip on PostgreSQL"));

        ProcessInstance instance = runtimeService.startProcessInstanceByKey("postgresRoundTrip",
                String.valueOf(opened.getId()), java.util.Map.of("caseId", opened.getId()));
        caseRecord.attachProcess(opened.getId(), instance.getId());
        taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
        caseRecord.append(opened.getId(), CaseEvent.of("requestReviewed", "Reviewed"));

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndTime()).isNotNull();
        assertThat(caseRecord.get(opened.getId()).getProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(caseRecord.timelineOf(opened.getId())).extracting(TimelineEntry::getStep)
                .containsExactly("familyRequestReceived", "requestReviewed");
    }
}
