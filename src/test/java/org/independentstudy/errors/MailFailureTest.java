package org.independentstudy.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

class MailFailureTest {

    @Test
    @DisplayName("Issue 13.11 a mail server's refusal is logged without the family's address it quotes")
    void addressesAreLeftOut() {
        Exception refused = new MailSendException("Failed messages: " + new SendFailedException(
                "Invalid Addresses; nested exception is: 550 5.1.1 <ana.garcia+school@family.example>: Recipient"
                        + " address rejected; also \"Ana\" ana@family.example"));

        assertThat(MailFailure.forLog(refused)).doesNotContain("ana", "family.example")
                .contains("550 5.1.1 <(address)>: Recipient address rejected", "\"Ana\" (address)");
    }

    @Test
    @DisplayName("Issue 13.11 a failure without an address is logged as it is")
    void otherFailuresStay() {
        assertThat(MailFailure.forLog(new MailSendException("Mail server connection failed; Connection refused:"
                + " localhost, port: 2525"))).isEqualTo("Mail server connection failed; Connection refused:"
                + " localhost, port: 2525");
    }
}
