package org.independentstudy.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.independentstudy.demo.DemoDistrict;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Logs a demo user in to a Camunda webapp the way its login page does: session cookie and CSRF token from the
 * page, then a form post. The webapps ignore HTTP Basic; their API answers only such a session.
 */
public final class WebappLogin {

    private WebappLogin() {
    }

    /** The login's answer: 200 with the user's id and apps, or 401/403. */
    public static ResponseEntity<String> login(TestRestTemplate rest, String username, String app) {
        return login(rest, username, app, pageSession(rest, app));
    }

    /**
     * The headers that call the webapps' API as the logged-in user: the session cookie and its CSRF token.
     * The login gives the session a new id, and the CSRF token moves with it.
     */
    public static HttpHeaders session(TestRestTemplate rest, String username, String app) {
        HttpHeaders page = pageSession(rest, app);
        ResponseEntity<String> login = login(rest, username, app, page);
        if (!login.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(username + " cannot log in to " + app + ": " + login.getStatusCode());
        }
        HttpHeaders session = new HttpHeaders();
        session.add(HttpHeaders.COOKIE, cookies(login.getHeaders(), page.getFirst(HttpHeaders.COOKIE)));
        String token = login.getHeaders().getFirst("X-XSRF-TOKEN");
        session.add("X-XSRF-TOKEN", token != null ? token : page.getFirst("X-XSRF-TOKEN"));
        return session;
    }

    private static ResponseEntity<String> login(TestRestTemplate rest, String username, String app,
                                                HttpHeaders page) {
        return rest.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
                new HttpEntity<>("username=" + username + "&password=" + DemoDistrict.PASSWORD, page), String.class);
    }

    private static HttpHeaders pageSession(TestRestTemplate rest, String app) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/", String.class);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        headers.add(HttpHeaders.COOKIE, cookies(page.getHeaders(), null));
        return headers;
    }

    /** The cookies a response sets, over those sent before (same name: the new value). */
    private static String cookies(HttpHeaders response, String before) {
        Map<String, String> jar = new LinkedHashMap<>();
        if (before != null) {
            for (String cookie : before.split("; ")) {
                jar.put(cookie.split("=", 2)[0], cookie);
            }
        }
        for (String set : response.getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
            String cookie = set.split(";", 2)[0];
            jar.put(cookie.split("=", 2)[0], cookie);
        }
        return String.join("; ", jar.values());
    }
}
