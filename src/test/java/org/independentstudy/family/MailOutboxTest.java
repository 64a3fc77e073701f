package org.independentstudy.family;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Issue 13.4: the mail outbox on H2. */
@IntegrationTest
class MailOutboxTest implements MailOutboxBehaviour {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    @Autowired
    ApplicationContext context;
    private final String reference = UUID.randomUUID().toString();

    @Override
    public GreenMailExtension mail() {
        return mail;
    }

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    public String reference() {
        return reference;
    }
}
