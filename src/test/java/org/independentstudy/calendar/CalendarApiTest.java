package org.independentstudy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.List;
import java.util.Map;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

@IntegrationTest
class CalendarApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SchoolYearCalendarRepository calendars;

    @Test
    @DisplayName("CAL-01 the demo calendars of 2025-26 and 2026-27 are loaded at start-up and listed")
    void demoCalendarsAreListed() {
        ResponseEntity<List> list = as(rest, "counselor").getForEntity("/api/calendars", List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).extracting(y -> ((Map<?, ?>) y).get("schoolYear")).contains("2025-26", "2026-27");
    }

    @Test
    @DisplayName("CAL-01 a calendar file with a bad line is refused with a problem naming the line, and nothing is stored")
    void badCalendarFileIsRefusedNamingTheLine() {
        long before = calendars.count();
        String csv = "date,kind,description\n2027-08-16,FIRST_DAY,First day\n2027-13-01,HOLIDAY,Nonsense\n";
        ResponseEntity<Map> response = upload("admin", "2027-28.csv", csv);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) response.getBody().get("detail")).contains("line 3");
        assertThat(response.getBody()).doesNotContainKey("trace");
        assertThat(calendars.count()).isEqualTo(before);
    }

    @Test
    @DisplayName("only district IT imports calendars: a counselor gets 403")
    void onlyAdminsImportCalendars() {
        assertThat(upload("counselor", "2027-28.csv", "date,kind,description\n").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<Map> upload(String user, String filename, String content) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content.getBytes()) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(rest, user).postForEntity("/api/calendars", new HttpEntity<>(body, headers), Map.class);
    }
}
