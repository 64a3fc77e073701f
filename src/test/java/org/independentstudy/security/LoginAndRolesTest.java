package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.Map;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.WebappLogin;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class LoginAndRolesTest {

    @Autowired
    TestRestTemplate rest;

    @ParameterizedTest(name = "{0} logs in and has role {1}")
    @CsvSource({"counselor,COUNSELOR", "teacher,TEACHER", "principal,PRINCIPAL", "analyst,ANALYST",
            "admin,ADMIN", "sped,SPECIAL_EDUCATION"})
    void everyDemoUserLogsInWithTheRoleOfTheirGroup(String username, String role) {
        ResponseEntity<Map> me = as(rest, username).getForEntity("/api/me", Map.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).containsEntry("username", username);
        assertThat((Iterable<String>) me.getBody().get("roles")).contains(role);
    }

    @ParameterizedTest(name = "{0} logs in to the Camunda {1} webapp")
    @CsvSource({"counselor,tasklist", "teacher,tasklist", "principal,tasklist", "sped,tasklist", "analyst,cockpit",
            "admin,admin"})
    void demoUsersLogInToTheWebapps(String username, String app) {
        ResponseEntity<String> login = WebappLogin.login(rest, username, app);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("\"userId\":\"" + username + "\"").contains(app);
    }

    @Test
    @DisplayName("a counselor may not log in to Cockpit")
    void counselorsDoNotGetCockpit() {
        assertThat(WebappLogin.login(rest, "counselor2", "cockpit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest(name = "{0} without login is 401")
    @CsvSource({"/api/me", "/api/cases?student=1", "/engine-rest/process-definition", "/engine-rest/task"})
    void nothingIsReachableWithoutLogin(String path) {
        assertThat(rest.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("the container health check answers without login and tells nothing but the status")
    void healthCheckIsPublicAndBare() {
        ResponseEntity<String> health = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(rest.getForEntity("/actuator/env", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("a wrong password is refused")
    void wrongPasswordIsRefused() {
        // a user no other test logs in as: the engine delays further logins after a failed one
        assertThat(rest.withBasicAuth("principal3", "wrong").getForEntity("/api/me", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest(name = "{0} may not use /engine-rest")
    @CsvSource({"counselor", "teacher", "principal", "sped"})
    void engineRestIsForAnalystsAndAdministratorsOnly(String username) {
        assertThat(as(rest, username).getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @ParameterizedTest(name = "{0} reads deployments through /engine-rest, as Camunda Modeler does")
    @CsvSource({"analyst", "admin"})
    void analystsReachTheEngineRestApi(String username) {
        ResponseEntity<String> response = as(rest, username).getForEntity("/engine-rest/deployment", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
