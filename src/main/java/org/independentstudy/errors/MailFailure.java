package org.independentstudy.errors;

import java.util.regex.Pattern;

/**
 * Issue 13.11: a mail server's refusal as the log may carry it. An SMTP refusal quotes the recipient's address
 * ("550 &lt;parent@example.com&gt;: Recipient address rejected"), and a family's address is theirs, not the log's.
 */
public final class MailFailure {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@]+@[^\\s<>\"'(),;:]+");

    private MailFailure() {
    }

    /** The failure's message with every e-mail address in it replaced by "(address)". */
    public static String forLog(Exception failure) {
        String message = String.valueOf(failure.getMessage());
        return ADDRESS.matcher(message).replaceAll("(address)");
    }
}
