package org.independentstudy.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may ask and what a request must carry, checked before anything is written (ENR-01, ENR-04). */
@IntegrationTest
class FamilyRequestCheckTest {

    @Autowired
    FamilyRequestCheck check;
    @Autowired
    DemoStudents students;

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-20T18:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("ENR-01 a student asks for themself at 18 on the request date (2027-01-15), not at 17 the day before")
    void studentMayAskOnlyWhenAdult() {
        RequestBuilder request = RequestBuilder.forStudent("S200001", null)
                .dates(LocalDate.of(2027, 1, 19), LocalDate.of(2027, 2, 26));
        request.byStudent = true;

        request.receivedOn = LocalDate.of(2027, 1, 14);
        assertThatThrownBy(() -> check.check(request.build())).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> {
                    assertThat(e.ruleId()).isEqualTo("ENR-01");
                    assertThat(e.fieldErrors()).containsKey("requester");
                    assertThat(e.fieldErrors().get("requester")).contains("17");
                });

        request.receivedOn = LocalDate.of(2027, 1, 15);
        assertThat(check.check(request.build()).requesterName()).isEqualTo("Jordan Reyes (the student)");
    }

    @Test
    @DisplayName("ENR-01 only a parent, guardian or caregiver of that student asks for a minor; staff alone cannot")
    void requesterMustBeTheStudentsGuardian() {
        RequestBuilder otherFamily = RequestBuilder.forStudent("S100001", students.parentOf("S100002").getId());
        RequestBuilder nobody = RequestBuilder.forStudent("S100001", null);

        assertThatThrownBy(() -> check.check(otherFamily.build())).isInstanceOfSatisfying(
                InvalidRequestException.class, e -> assertThat(e.fieldErrors()).containsKey("requester"));
        assertThatThrownBy(() -> check.check(nobody.build())).isInstanceOfSatisfying(
                InvalidRequestException.class, e -> assertThat(e.fieldErrors().get("requester")).contains("family"));
        assertThat(check.check(students.requestFor("S100001").build()).requesterName()).endsWith("(parent)");
    }

    @Test
    @DisplayName("ENR-01 a placement is requested before it starts: a start on the request date is accepted, the day before is not")
    void startNotBeforeTheRequest() {
        RequestBuilder request = students.requestFor("S100001").dates(LocalDate.of(2027, 1, 19),
                LocalDate.of(2027, 2, 26));
        request.receivedOn = LocalDate.of(2027, 1, 19);
        assertThat(check.check(request.build()).request().requestedStart()).isEqualTo(LocalDate.of(2027, 1, 19));

        request.receivedOn = LocalDate.of(2027, 1, 20);
        assertThatThrownBy(() -> check.check(request.build())).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors().get("requestedStart")).contains("before the request date 2027-01-20"));
    }

    @Test
    @DisplayName("ENR-01 the request date defaults to today and may not lie in the future")
    void requestDate() {
        RequestBuilder request = students.requestFor("S100001").dates(LocalDate.of(2027, 1, 25),
                LocalDate.of(2027, 2, 26));
        request.receivedOn = null;
        assertThat(check.check(request.build()).request().receivedOn()).isEqualTo(LocalDate.of(2027, 1, 20));

        request.receivedOn = LocalDate.of(2027, 1, 21);
        assertThatThrownBy(() -> check.check(request.build())).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.fieldErrors()).containsKey("receivedOn"));
    }

    @Test
    @DisplayName("ENR-04 a student with a Section 504 plan needs the plan reference on the request")
    void section504PlanReferenceRequired() {
        RequestBuilder request = students.requestFor("S100006");

        assertThatThrownBy(() -> check.check(request.build())).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> {
                    assertThat(e.ruleId()).isEqualTo("ENR-04");
                    assertThat(e.fieldErrors()).containsKey("section504PlanReference");
                });
        request.plan504 = "504-2026-031";
        assertThat(check.check(request.build()).student().hasSection504Plan()).isTrue();
    }
}
