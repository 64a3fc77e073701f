package org.independentstudy.support;

import com.nimbusds.jose.JOSEObjectType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The district's OpenID Connect provider (Google Workspace, Entra ID) in the test JVM: a real authorization server
 * issuing signed ID tokens, on {@code test.oidc.port}, where the test profile's client registration "district" points.
 */
public final class DistrictAccounts implements BeforeAllCallback, AfterAllCallback {

    public static final int PORT = Integer.getInteger("test.oidc.port", 8089);
    private static final String ISSUER = "district";

    private final MockOAuth2Server server = new MockOAuth2Server();

    /** The next sign-in is this person, in these provider groups. */
    public void nextSignInIs(String username, String givenName, String familyName, List<String> groups) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "sub-" + username, JOSEObjectType.JWT.getType(),
                List.of("independent-study"), Map.of("preferred_username", username, "given_name", givenName,
                "family_name", familyName, "email", username, "groups", groups), 3600));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws UnknownHostException {
        server.start(InetAddress.getByName("localhost"), PORT);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.shutdown();
    }
}
