package org.independentstudy.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.independentstudy.enrollment.FamilyRequest.SuspensionReferral;
import org.independentstudy.errors.InvalidRequestException;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.records.TimelineEntry;
import org.independentstudy.support.DemoStudents;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.RequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The pre-enrollment decisions as the later phases read them from {@link EnrolledPlacements}, without the engine. */
@IntegrationTest
class EnrolledPlacementsTest {

    @Autowired
    FamilyRequests familyRequests;
    @Autowired
    PlacementLifecycle lifecycle;
    @Autowired
    EligibilityChecks eligibility;
    @Autowired
    PreEnrollmentConference conference;
    @Autowired
    EnrolledPlacements placements;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    DemoStudents students;

    @BeforeEach
    void clock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-09-01T16:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @DisplayName("AGR-01 CAL-02 a requested start on a Saturday or on Labor Day becomes the next school day, said on the case record; a school day stays as asked")
    void requestedStartOnANonSchoolDayMovesToTheNextSchoolDay() {
        LocalDate end = LocalDate.of(2026, 10, 9);
        Map<LocalDate, LocalDate> startsByRequest = Map.of(LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 8));
        startsByRequest.forEach((asked, schoolDay) -> {
            Long caseId = familyRequests.register(students.requestForNewStudentLike("S100035").dates(asked, end)
                    .build()).caseId();
            assertThat(placements.placementOf(caseId).startDate()).isEqualTo(schoolDay);
            assertThat(caseRecord.timelineOf(caseId)).filteredOn(e -> e.getStep().equals("requestedStartMoved"))
                    .singleElement().satisfies(e -> {
                        assertThat(e.getRuleId()).isEqualTo("AGR-01");
                        assertThat(e.getDescription()).contains("requested start " + asked + " is not a school day",
                                "next school day, " + schoolDay);
                    });
        });

        Long onSchoolDay = familyRequests.register(students.requestForNewStudentLike("S100035")
                .dates(LocalDate.of(2026, 9, 14), end).build()).caseId();
        assertThat(placements.placementOf(onSchoolDay).startDate()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(caseRecord.timelineOf(onSchoolDay)).extracting(TimelineEntry::getStep)
                .doesNotContain("requestedStartMoved");
    }

    @Test
    @DisplayName("ENR-02 a conference asked for at intake is pending until held; held, it covers all three topics and the advocate asked for attended, every problem named at once")
    void conferencePendingUntilHeld() {
        Long caseId = familyRequests.register(students.requestForNewStudentLike("S100014").withConference(true)
                .build()).caseId();
        LocalDate heldOn = LocalDate.of(2026, 9, 1);
        assertThat(conference.pendingFor(caseId)).isTrue();

        assertThatThrownBy(() -> conference.held(caseId, new PreEnrollmentConference.Held(heldOn, true, true, false,
                null, false, null))).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("topics", "advocateAttended", "conferenceAdvocate");
                    assertThat(e.getMessage()).contains("nonacademic supports");
                    assertThat(e.ruleId()).isEqualTo("ENR-02");
                });
        assertThat(conference.pendingFor(caseId)).isTrue();

        conference.held(caseId, new PreEnrollmentConference.Held(heldOn, true, true, true, null, true, "Rosa Diaz"));
        assertThat(conference.pendingFor(caseId)).isFalse();
    }

    @Test
    @DisplayName("ENR-05 ENR-11 ENR-04 the placement carries the referral with its offer, the 504 plan and the medical exemption")
    void placementCarriesTheDecisions() {
        RequestBuilder request = students.requestForNewStudentLike("S100017");
        request.plan504 = "504-2026-017";
        request.referral = SuspensionReferral.EC_48917;
        request.alternativeOffered = true;
        request.medical = true;
        request.evidence = "Letter of Dr. Lee, MD (A12345), 2026-08-28";
        Long caseId = familyRequests.register(request.build()).caseId();
        lifecycle.decideType(caseId);

        assertThat(eligibility.suspensionReferral(caseId)).isEmpty();
        eligibility.section504Plan(caseId);
        assertThat(eligibility.medicalExemption(caseId)).isTrue();

        Placement placement = placements.placementOf(caseId);
        assertThat(placement.program()).isEqualTo(Placement.Program.TRADITIONAL);
        assertThat(placement.suspendedOrExpelledReferral()).isTrue();
        assertThat(placement.classroomAlternativeOffered()).isTrue();
        assertThat(placement.section504PlanReference()).isEqualTo("504-2026-017");
        assertThat(placement.medicalExemption()).isTrue();
        assertThat(caseRecord.timelineOf(caseId)).extracting(e -> e.getRuleId())
                .contains("ENR-01", "ENR-06", "ENR-05", "ENR-04", "ENR-11");
    }

    @Test
    @DisplayName("ENR-10 a student without a device or internet passes eligibility; the needs are there for the agreement")
    void resourceNeedsNeverRefuse() {
        RequestBuilder request = students.requestForNewStudentLike("S100015");
        request.needs = new ResourceNeeds(true, true, "Printed workbooks");
        Long caseId = familyRequests.register(request.build()).caseId();
        lifecycle.decideType(caseId);

        assertThat(eligibility.minimumLength(caseId)).isEmpty();
        assertThat(eligibility.suspensionReferral(caseId)).isEmpty();
        assertThat(eligibility.semesterLock(caseId)).isEmpty();
        assertThat(eligibility.homeHospital(caseId)).isEmpty();
        assertThat(placements.resourceNeedsOf(caseId)).isEqualTo(new ResourceNeeds(true, true, "Printed workbooks"));
    }
}
