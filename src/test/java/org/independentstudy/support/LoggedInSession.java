package org.independentstudy.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser session without a browser: logs in on /login as the page's form does (with its CSRF token),
 * keeps the session cookie, follows no redirect, and sends what a browser would.
 */
public final class LoggedInSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private LoggedInSession(String base) {
        this.base = base;
    }

    /** Logs in as a demo user (password "demo"); the answer to the login form is in {@link #loginAnswer}. */
    public static LoggedInSession logIn(int port, String username) {
        return logIn(port, username, "demo");
    }

    public static LoggedInSession logIn(int port, String username, String password) {
        return logIn("http://localhost:" + port, username, password);
    }

    public static LoggedInSession logIn(String baseUrl, String username, String password) {
        LoggedInSession session = new LoggedInSession(baseUrl);
        session.loginAnswer = session.postForm("/login", session.csrfTokenOf("/login"),
                "username=" + username + "&password=" + password);
        return session;
    }

    private HttpResponse<String> loginAnswer;

    public HttpResponse<String> loginAnswer() {
        return loginAnswer;
    }

    /** The session's cookies as a Cookie header, for calls made with another client. */
    public String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .toList());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8").GET());
    }

    /** The CSRF token a page's forms carry. */
    public String csrfTokenOf(String path) {
        Matcher token = CSRF_FIELD.matcher(get(path).body());
        if (!token.find()) {
            throw new AssertionError(path + " has no form with a CSRF token");
        }
        return token.group(1);
    }

    /** Posts a form as the browser would; a null token leaves it out, as a forged cross-site form would. */
    public HttpResponse<String> postForm(String path, String csrfToken, String urlEncodedFields) {
        String body = csrfToken == null ? urlEncodedFields : urlEncodedFields + "&_csrf=" + csrfToken;
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postWithHeader(String path, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts JSON with one more header, as a page sends its CSRF token along. */
    public HttpResponse<String> postJson(String path, String json, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header(header, value).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
