package org.independentstudy.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The real SMTP server tests send to. Its port is the system property {@code test.smtp.port} (default 3025), the
 * same one application-test.yml gives the application, so test runs in parallel checkouts do not collide.
 */
public final class TestMailServer {

    public static final int PORT = Integer.getInteger("test.smtp.port", 3025);

    private TestMailServer() {
    }

    public static GreenMailExtension smtp() {
        return new GreenMailExtension(new ServerSetup(PORT, null, ServerSetup.PROTOCOL_SMTP));
    }
}
