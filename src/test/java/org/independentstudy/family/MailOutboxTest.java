package org.independentstudy.family;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.independentstudy.support.IntegrationTest;
import org.independentstudy.support.MailOutboxTries;
import org.independentstudy.support.TestMailServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 13.4: the mail outbox on H2. */
@IntegrationTest
class MailOutboxTest implements MailOutboxBehaviour {

    @RegisterExtension
    static GreenMailExtension mail = TestMailServer.smtp();

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailOutboxTries tries;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    private final String reference = UUID.randomUUID().toString();

    @Override
    public GreenMailExtension mail() {
        return mail;
    }

    @Override
    public MailOutbox outbox() {
        return outbox;
    }

    @Override
    public MailOutboxTries tries() {
        return tries;
    }

    @Override
    public TransactionTemplate transactions() {
        return transactions;
    }

    @Override
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public String reference() {
        return reference;
    }
}
