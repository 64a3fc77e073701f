package org.independentstudy.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.independentstudy.support.ActivePlacements;
import org.independentstudy.support.ActivePlacements.ActivePlacement;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.Uploads;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@IntegrationTest
class WorkSamplesApiTest {

    /** isp.participation.work-sample.max-size */
    private static final int LIMIT = 8 * 1024 * 1024;

    @Autowired
    ActivePlacements activePlacements;
    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("ATT-09 the teacher uploads a work sample with their notation; it downloads with its type as an attachment; the school's counselor reads it, analysts and another school's staff may not")
    @SuppressWarnings({"rawtypes", "unchecked"})
    void uploadAndRead() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        byte[] essay = WorkSampleFiles.pdf();

        ResponseEntity<Map> kept = upload("teacher", placement, "essay.pdf", essay, "Clear thesis; sources cited");
        assertThat(kept.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(kept.getBody()).containsEntry("mediaType", "application/pdf")
                .containsEntry("notation", "Clear thesis; sources cited");
        String download = "/api/work-samples/" + kept.getBody().get("id");

        ResponseEntity<byte[]> file = as(rest, "teacher").getForEntity(download, byte[].class);
        assertThat(file.getBody()).isEqualTo(essay);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(file.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(as(rest, "counselor").getForEntity("/api/cases/" + placement.caseId() + "/work-samples",
                List.class).getBody()).hasSize(1);
        assertThat(as(rest, "analyst").getForEntity(download, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rest, "teacher3").getForEntity(download, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @DisplayName("ATT-09 a text file named .pdf, a sample without notation, or another teacher's student is a 400 naming the field; nothing is kept")
    @SuppressWarnings({"rawtypes", "unchecked"})
    void refusedUploads() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");

        assertThat(errors(upload("teacher", placement, "essay.pdf", "just text".getBytes(StandardCharsets.UTF_8),
                "Good"))).containsKey("file");
        assertThat(errors(upload("teacher", placement, "essay.pdf", WorkSampleFiles.pdf(), " "))).containsKey("notation");
        assertThat(errors(upload("teacher2", placement, "essay.pdf", WorkSampleFiles.pdf(), "Good"))).containsKey("caseId");
        assertThat(as(rest, "teacher").getForEntity("/api/cases/" + placement.caseId() + "/work-samples", List.class)
                .getBody()).isEmpty();
    }

    @Test
    @DisplayName("ATT-09 a work sample of exactly the size limit is kept; one byte more is a 413 problem, never a 500")
    void sizeLimit() {
        ActivePlacement placement = activePlacements.traditional("S100011", "teacher");
        byte[] atLimit = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), LIMIT);

        assertThat(upload("teacher", placement, "scan.pdf", atLimit, "Lab notebook").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> tooLarge = upload("teacher", placement, "scan.pdf", Arrays.copyOf(atLimit, LIMIT + 1),
                "Lab notebook");
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(errors(tooLarge)).containsKey("file");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is4xxClientError()).as(String.valueOf(response.getBody())).isTrue();
        return (Map<String, String>) response.getBody().get("errors");
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> upload(String user, ActivePlacement placement, String name, byte[] content,
                                       String notation) {
        LinkedMultiValueMap<String, Object> fields = new LinkedMultiValueMap<>();
        fields.add("notation", notation);
        return as(rest, user).postForEntity("/api/cases/" + placement.caseId() + "/work-samples",
                Uploads.form(fields, name, content), Map.class);
    }
}
