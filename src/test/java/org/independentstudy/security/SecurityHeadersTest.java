package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class SecurityHeadersTest {

    @Autowired
    TestRestTemplate rest;

    @ParameterizedTest(name = "Security: {0} allows only this server's content, no framing, no sniffing, no Referer")
    @CsvSource({"/sign/any-token,", "/family/return/any-token,", "/teacher/class-day,teacher"})
    void ourPagesSendTheSecurityHeaders(String page, String user) {
        ResponseEntity<String> response = (user == null ? rest : as(rest, user)).getForEntity(page, String.class);
        assertThat(response.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        HttpHeaders headers = response.getHeaders();

        Map<String, String> policy = directives(headers.get("Content-Security-Policy").get(0));
        assertThat(policy).containsEntry("default-src", "'self'")
                .containsEntry("object-src", "'none'")
                .containsEntry("base-uri", "'none'")
                .containsEntry("form-action", "'self'")
                .containsEntry("frame-ancestors", "'none'")
                // the pages' style elements; scripts fall back to default-src: this server's files only
                .containsEntry("style-src", "'self' 'unsafe-inline'")
                .doesNotContainKey("script-src");
        assertThat(headers.get("Content-Security-Policy")).hasSize(1);
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    @DisplayName("Security: the class-day page has no inline script; its one script file is served from this server")
    void classDayPageHasNoInlineScript() {
        String page = as(rest, "teacher").getForObject("/teacher/class-day", String.class);
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContainPattern("\\son[a-z]+=")
                .contains("<script src=\"/assets/class-day.js\"");
        ResponseEntity<String> script = rest.getForEntity("/assets/class-day.js", String.class);
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(script.getHeaders().getContentType()).hasToString("text/javascript");
    }

    @Test
    @DisplayName("Security: the Camunda webapps keep their own Content-Security-Policy")
    void camundaWebappsKeepTheirOwnPolicy() {
        HttpHeaders headers = as(rest, "counselor").getForEntity("/camunda/app/tasklist/default/", String.class)
                .getHeaders();
        assertThat(headers.get("Content-Security-Policy")).singleElement().asString()
                .contains("'strict-dynamic'", "nonce-");
    }

    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::strip)
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.split(" ", 2)[1]));
    }
}
