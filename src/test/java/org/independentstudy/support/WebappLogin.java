package org.independentstudy.support;

import java.net.http.HttpResponse;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/** Calls to the Camunda webapps' API as a person logged in on our login page, as their browser makes them. */
public final class WebappLogin {

    private WebappLogin() {
    }

    /**
     * The headers that call the webapps' API as the logged-in user: the session cookie and the CSRF token Camunda
     * hands the app's page.
     */
    public static HttpHeaders session(TestRestTemplate rest, String username, String app) {
        LoggedInSession session = LoggedInSession.logIn(rest.getRootUri(), username, "demo");
        HttpResponse<String> page = session.get("/camunda/app/" + app + "/default/");
        if (page.statusCode() != 200) {
            throw new IllegalStateException(username + " cannot open " + app + ": " + page.statusCode());
        }
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session.cookieHeader());
        headers.add("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElse(""));
        return headers;
    }
}
