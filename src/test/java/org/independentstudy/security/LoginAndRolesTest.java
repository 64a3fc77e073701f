package org.independentstudy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.independentstudy.support.Api.as;

import java.util.Map;
import org.independentstudy.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import java.net.http.HttpResponse;
import org.independentstudy.support.LoggedInSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class LoginAndRolesTest {

    @LocalServerPort
    int port;

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

    @ParameterizedTest(name = "Issue 12.1 {0} logs in once on /login and is in the Camunda {1} webapp without a second login")
    @CsvSource({"counselor,tasklist", "teacher,tasklist", "principal,tasklist", "sped,tasklist", "analyst,cockpit",
            "admin,admin"})
    void demoUsersLogInToTheWebapps(String username, String app) {
        LoggedInSession session = LoggedInSession.logIn(port, username);
        assertThat(session.get("/camunda/app/" + app + "/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> webappUser = session.get("/camunda/api/admin/auth/user/default");
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"" + username + "\"").contains("\"" + app + "\"");
    }

    @Test
    @DisplayName("Issue 12.1 a counselor may not use Cockpit")
    void counselorsDoNotGetCockpit() {
        LoggedInSession session = LoggedInSession.logIn(port, "counselor2");
        session.get("/camunda/app/tasklist/default/");
        assertThat(session.get("/camunda/api/admin/auth/user/default").body()).contains("tasklist")
                .doesNotContain("cockpit");
    }

    @Test
    @DisplayName("Issue 12.1 one session: after the login page, our pages, our API and the webapps know the person; logging out of the webapps ends it everywhere")
    void oneSessionEverywhere() {
        LoggedInSession session = LoggedInSession.logIn(port, "principal2");
        assertThat(session.loginAnswer().statusCode()).isEqualTo(302);
        assertThat(session.get("/api/me").body()).contains("\"username\":\"principal2\"");
        assertThat(session.get("/desk").statusCode()).isEqualTo(200);
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);

        // the webapps' own logout button (Camunda's CSRF header is what its page sends)
        String xsrf = session.get("/camunda/api/admin/auth/user/default").headers().firstValue("X-XSRF-TOKEN")
                .orElse("");
        session.postWithHeader("/camunda/api/admin/auth/user/default/logout", "X-XSRF-TOKEN", xsrf);
        assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(session.get("/desk").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    @DisplayName("Issue 12.1 a wrong password on the login page is refused and opens nothing")
    void wrongPasswordOnTheLoginPage() {
        LoggedInSession session = LoggedInSession.logIn(port, "teacher3", "wrong");
        assertThat(session.loginAnswer().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?error"));
        assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("Issue 12.1 CSRF: a form posted with the session cookie but without the page's token is refused; scripts with HTTP Basic need none")
    void formsNeedTheirCsrfToken() {
        LoggedInSession session = LoggedInSession.logIn(port, "counselor");
        HttpResponse<String> forged = session.postForm("/desk/students/S100001/requests", null, "requester=student");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(session.postJson("/api/cases", "{}").statusCode()).isEqualTo(403);
        assertThat(as(rest, "counselor").postForEntity("/api/cases", Map.of(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
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
