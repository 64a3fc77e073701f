package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.independentstudy.support.Api.as;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.independentstudy.support.TasklistUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.independentstudy.participation.RequirementGap.Kind;
import org.independentstudy.participation.RequirementGap.Opportunity;
import org.independentstudy.people.Grade;
import org.independentstudy.security.Roles;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@IntegrationTest
class RequirementGapsTest {

    private static final LocalDate MONDAY = LocalDate.of(2027, 2, 1);
    private static final LocalDate FRIDAY = LocalDate.of(2027, 2, 5);
    private static final Path TABLE = Path.of("processes/grade-span-requirements.dmn");

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    ParticipationRecording recording;
    @Autowired
    RequirementGaps gaps;
    @Autowired
    GradeSpanRequirements requirements;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @Test
    @DisplayName("ATT-02 grade 6 needs daily live interaction and weekly synchronous instruction: a day without a live interaction is not offered, a day without a record is not documented")
    void middleSchoolGaps() {
        ActivePlacement seventh = activePlacements.traditional("S100008", "teacher4");
        recording.record("teacher4", List.of(
                ParticipationDays.participatory(seventh.caseId(), MONDAY, "teacher4"),
                new ParticipationEntry(seventh.caseId(), MONDAY.plusDays(1), ParticipationStatus.PARTICIPATORY, null,
                        0, 0, List.of())));

        assertThat(gaps.between(MONDAY, FRIDAY, RequirementGaps.Scope.teacher("teacher4")))
                .filteredOn(g -> g.caseId().equals(seventh.caseId()))
                .extracting(RequirementGap::day, RequirementGap::opportunity, RequirementGap::kind)
                .containsExactly(
                        tuple(MONDAY.plusDays(1), Opportunity.LIVE_INTERACTION, Kind.NOT_OFFERED),
                        tuple(MONDAY.plusDays(2), Opportunity.LIVE_INTERACTION, Kind.NOT_DOCUMENTED),
                        tuple(MONDAY.plusDays(3), Opportunity.LIVE_INTERACTION, Kind.NOT_DOCUMENTED),
                        tuple(FRIDAY, Opportunity.LIVE_INTERACTION, Kind.NOT_DOCUMENTED));
    }

    @Test
    @DisplayName("ATT-02 TK-3 needs synchronous instruction every school day; 9-12 once a week, so a recorded week without any is not offered")
    void dailyAndWeeklySynchronous() {
        ActivePlacement tk = activePlacements.traditional("S100001", "teacher3");
        ActivePlacement tenth = activePlacements.traditional("S100011", "teacher3");
        recording.record("teacher3", List.of(
                ParticipationDays.participatory(tk.caseId(), MONDAY, "teacher3"),
                new ParticipationEntry(tenth.caseId(), MONDAY, ParticipationStatus.PARTICIPATORY, null, 0, 0, List.of())));

        List<RequirementGap> found = gaps.between(MONDAY, FRIDAY, RequirementGaps.Scope.teacher("teacher3"));
        assertThat(found).filteredOn(g -> g.caseId().equals(tk.caseId()))
                .extracting(RequirementGap::day).containsExactly(MONDAY.plusDays(1), MONDAY.plusDays(2),
                        MONDAY.plusDays(3), FRIDAY);
        assertThat(found).filteredOn(g -> g.caseId().equals(tenth.caseId()))
                .extracting(RequirementGap::day, RequirementGap::frequency, RequirementGap::kind)
                .containsExactly(tuple(MONDAY, Frequency.WEEKLY, Kind.NOT_OFFERED));
    }

    @Test
    @DisplayName("ATT-02 the gap report over REST: teachers see their students, principals their school; analysts see no student data (403); a reversed range is a 400")
    @SuppressWarnings("rawtypes")
    void gapReportRoles() {
        ActivePlacement seventh = activePlacements.traditional("S100008", "teacher4");
        String url = "/api/participation/gaps?from=" + MONDAY + "&to=" + FRIDAY;

        assertThat(as(rest, "teacher4").getForObject(url, List.class)).asString().contains(seventh.student().getStudentNumber());
        assertThat(as(rest, "teacher").getForObject(url, List.class)).asString()
                .doesNotContain(seventh.student().getStudentNumber());
        assertThat(as(rest, "analyst").getForEntity(url, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "teacher4").getForEntity("/api/participation/gaps?from=" + FRIDAY + "&to=" + MONDAY,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @DisplayName("ATT-02 an analyst's change to the table, deployed to the running engine with the analyst's rights, changes the requirement without a rebuild")
    void analystChangesTheTable() throws IOException {
        String original = Files.readString(TABLE);
        assertThat(requirements.of(Grade.G10, true, false).synchronousInstruction()).isEqualTo(Frequency.WEEKLY);
        String changed = original.replace("""
                <outputEntry id="ninthToTwelfthRuleSynchronous"><text>"WEEKLY"</text></outputEntry>""", """
                <outputEntry id="ninthToTwelfthRuleSynchronous"><text>"DAILY"</text></outputEntry>""");
        assertThat(changed).isNotEqualTo(original);
        try {
            assertThat(deployAsAnalyst(changed)).isNotBlank();
            assertThat(requirements.of(Grade.G10, true, false).synchronousInstruction()).isEqualTo(Frequency.DAILY);
        } finally {
            assertThat(deployAsAnalyst(original)).isNotBlank();
        }
        assertThat(requirements.of(Grade.G10, true, false).synchronousInstruction()).isEqualTo(Frequency.WEEKLY);
    }

    /**
     * As Camunda Modeler deploys: through the engine, authenticated as the analyst, whose rights the engine checks.
     * (The engine's API, not /engine-rest: a test JVM holds two engines, and the REST API serves the default one.)
     */
    private String deployAsAnalyst(String table) {
        identity.setAuthentication("analyst", TasklistUser.groupsOf(identity, "analyst"));
        try {
            return repository.createDeployment().name("grade-span-requirements (analyst edit)")
                    .addString("grade-span-requirements.dmn", table).deploy().getId();
        } finally {
            identity.clearAuthentication();
        }
    }
}
