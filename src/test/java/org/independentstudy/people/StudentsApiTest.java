package org.independentstudy.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.List;
import java.util.Map;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class StudentsApiTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    @DisplayName("a counselor looks a student up by number and finds the guardian ids a request names")
    void counselorFindsTheFamily() {
        ResponseEntity<Map> student = as(rest, "counselor").getForEntity("/api/students/S100003", Map.class);
        assertThat(student.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(student.getBody()).containsEntry("studentNumber", "S100003").containsKey("school");
        assertThat((List<Map<String, Object>>) student.getBody().get("guardians")).hasSize(2)
                .allSatisfy(g -> assertThat(g).containsKeys("id", "fullName", "relationship", "email"));
    }

    @Test
    @DisplayName("an analyst does not read student records; an unknown student is a 404 problem")
    void protectedAndNamed() {
        assertThat(as(rest, "analyst").getForEntity("/api/students/S100003", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> missing = as(rest, "counselor").getForEntity("/api/students/S999999", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) missing.getBody().get("detail")).contains("S999999");
    }
}
