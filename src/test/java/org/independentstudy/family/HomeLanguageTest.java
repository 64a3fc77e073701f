package org.independentstudy.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.Locale;
import java.util.Map;
import org.independentstudy.records.CaseRecord;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 12.8: staff record the language a family reads, and what the family receives follows it. */
@IntegrationTest
class HomeLanguageTest {

    @Autowired
    ActivePlacements placements;
    @Autowired
    FamilyLanguage languages;
    @Autowired
    CaseRecord caseRecord;
    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("Issue 12.8 a counselor records Spanish: the family's messages are in Spanish from then on and the open case says so; Vietnamese is recorded, its messages stay English until a translation exists")
    void counselorRecordsTheFamilysLanguage() {
        ActivePlacement placement = placements.traditional("S100011", "teacher");
        String student = placement.student().getStudentNumber();

        ResponseEntity<Map> spanish = put("counselor", student, "es");
        assertThat(spanish.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(spanish.getBody()).containsEntry("homeLanguage", "es").containsEntry("messagesIn", "es");
        assertThat(languages.ofCase(placement.caseId())).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(caseRecord.timelineOf(placement.caseId())).filteredOn(e -> "homeLanguageRecorded".equals(e.getStep()))
                .singleElement().satisfies(e -> assertThat(e.getDescription())
                        .contains("recorded as Spanish (es)").contains("are in Spanish"));

        assertThat(put("principal", student, " VI ").getBody()).containsEntry("homeLanguage", "vi")
                .containsEntry("messagesIn", "en");
        assertThat(languages.ofStudent(placement.student().getId())).isEqualTo(Locale.ENGLISH);
    }

    @Test
    @DisplayName("Issue 12.8 a language that is no ISO 639-1 code is refused naming the field, and nothing changes; teachers and analysts may not record one")
    void refusals() {
        ActivePlacement placement = placements.traditional("S100011", "teacher");
        String student = placement.student().getStudentNumber();
        put("counselor", student, "es");

        ResponseEntity<Map> refused = put("counselor", student, "spanish");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).contains("language").contains("ISO 639-1");
        assertThat(languages.ofStudent(placement.student().getId())).isEqualTo(Locale.forLanguageTag("es"));
        assertThat(put("teacher", student, "en").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("analyst", student, "en").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(languages.ofStudent(placement.student().getId())).isEqualTo(Locale.forLanguageTag("es"));
    }

    private ResponseEntity<Map> put(String user, String student, String language) {
        return as(rest, user).exchange("/api/students/" + student + "/home-language", HttpMethod.PUT,
                new HttpEntity<>(Map.of("language", language)), Map.class);
    }
}
