package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.independentstudy.enrollment.Enrollment;
import org.independentstudy.enrollment.PlacementLifecycle;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SupervisionsTest {

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    Supervisions supervisions;
    @Autowired
    PlacementLifecycle lifecycle;

    @Test
    @DisplayName("ATT-01 AGR-09 the activated agreement's supervising teacher has the student in class from the first countable day to the agreement's last")
    void supervisingTeacherHasTheStudentWhileThePlacementRuns() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");

        assertThat(supervisions.supervises("teacher", placement.caseId(), placement.firstDay())).isTrue();
        assertThat(supervisions.supervises("teacher", placement.caseId(), placement.lastDay())).isTrue();
        assertThat(supervisions.supervises("teacher", placement.caseId(), placement.firstDay().minusDays(1))).isFalse();
        assertThat(supervisions.supervises("teacher", placement.caseId(), placement.lastDay().plusDays(1))).isFalse();
        assertThat(supervisions.supervises("teacher2", placement.caseId(), placement.firstDay())).isFalse();
        assertThat(supervisions.classesOf("teacher", placement.firstDay())).contains(Supervisions.TRADITIONAL_CLASS);
        assertThat(supervisions.classDay("teacher", Supervisions.TRADITIONAL_CLASS, placement.firstDay()))
                .anySatisfy(s -> {
                    assertThat(s.caseId()).isEqualTo(placement.caseId());
                    assertThat(s.studentNumber()).isEqualTo(placement.student().getStudentNumber());
                });
    }

    @Test
    @DisplayName("ATT-01 a placement that ended early supervises nobody after its last day")
    void endedPlacementLeavesTheClass() {
        ActivePlacement placement = activePlacements.traditional("S100001", "teacher");
        LocalDate lastDay = LocalDate.of(2027, 2, 5);
        lifecycle.end(placement.caseId(), lastDay, Enrollment.EndReason.DISENROLLED);

        assertThat(supervisions.supervises("teacher", placement.caseId(), lastDay)).isTrue();
        assertThat(supervisions.supervises("teacher", placement.caseId(), lastDay.plusDays(3))).isFalse();
    }
}
