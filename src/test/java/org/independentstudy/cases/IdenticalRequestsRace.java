package org.independentstudy.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.RuntimeService;
import org.independentstudy.enrollment.FamilyRequest;
import org.independentstudy.people.Student;
import org.independentstudy.process.CaseVariables;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.IndependentStudyCase;
import org.independentstudy.support.AtTheSameMoment;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.FixedEngineClock;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What an API client retrying, or counselors taking the same phone call, do: the same family's request posted
 * several times at the same moment. A test bean, run on H2 and on PostgreSQL.
 */
@Component
class IdenticalRequestsRace {

    private static final int REQUESTS = 4;

    private final TestRestTemplate rest;
    private final DemoStudents students;
    private final CaseRecord caseRecord;
    private final RuntimeService runtime;

    IdenticalRequestsRace(TestRestTemplate rest, DemoStudents students, CaseRecord caseRecord,
                          RuntimeService runtime) {
        this.rest = rest;
        this.students = students;
        this.caseRecord = caseRecord;
        this.runtime = runtime;
    }

    /** One case and one case process for the student; every other answer is a 409 naming that case. */
    void opensOneCase() throws Exception {
        FixedEngineClock.setClock(FixedEngineClock.DECEMBER_FIRST.withMonth(9));
        Student student = students.newStudentLike("S100001");
        FamilyRequest request = students.requestFor(student).build();
        long processesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY)
                .count();
        Callable<ResponseEntity<Map>> post = () -> as(rest, "counselor").postForEntity("/api/cases", request,
                Map.class);

        List<ResponseEntity<Map>> answers = AtTheSameMoment.run(Collections.nCopies(REQUESTS, post));

        List<IndependentStudyCase> cases = caseRecord.casesOfStudent(student.getId());
        assertThat(cases).hasSize(1);
        Long opened = cases.get(0).getId();
        assertThat(answers).filteredOn(a -> a.getStatusCode() == HttpStatus.CREATED).singleElement()
                .satisfies(a -> assertThat(((Number) a.getBody().get("id")).longValue()).isEqualTo(opened));
        assertThat(answers).filteredOn(a -> a.getStatusCode() != HttpStatus.CREATED).hasSize(REQUESTS - 1)
                .allSatisfy(a -> {
                    assertThat(a.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(a.getBody()).containsEntry("caseId", opened.intValue());
                    assertThat((String) a.getBody().get("detail")).contains("open case " + opened);
                });
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(CaseVariables.PROCESS_KEY).count())
                .isEqualTo(processesBefore + 1);
    }
}
