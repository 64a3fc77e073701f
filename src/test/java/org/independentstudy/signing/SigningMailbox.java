package org.independentstudy.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the signing invitations the in-process SMTP server received, as a family member would. */
public final class SigningMailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/sign/(\\S+)");

    private SigningMailbox() {
    }

    /** The plain-text parts of the messages to this address, oldest first. */
    public static List<String> textsTo(GreenMailExtension mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> isTo(m, address))
                .map(SigningMailbox::plainTextOf).toList();
    }

    /** The token of the one link sent to this address for this signer (the greeting names them). */
    public static String tokenFor(GreenMailExtension mail, String address, String signerName) {
        List<String> tokens = tokensFor(mail, address, signerName);
        assertThat(tokens).as("invitations to %s for %s", address, signerName).hasSize(1);
        return tokens.get(0);
    }

    /**
     * The tokens of the links sent to this address for this signer, oldest first: the messages whose greeting names
     * them, in any language ("Dear name," or "Estimado/a name:").
     */
    static List<String> tokensFor(GreenMailExtension mail, String address, String signerName) {
        Pattern greeting = Pattern.compile("\\S+ " + Pattern.quote(signerName) + "[,:]");
        return textsTo(mail, address).stream().filter(t -> greeting.matcher(t.lines().findFirst().orElse(""))
                .matches()).map(text -> {
            Matcher link = LINK.matcher(text);
            assertThat(link.find()).as("a signing link in %s", text).isTrue();
            return link.group(1);
        }).toList();
    }

    static String htmlOf(MimeMessage message) {
        return partOf(message, "text/html");
    }

    private static String plainTextOf(MimeMessage message) {
        return partOf(message, "text/plain");
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String partOf(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = partOf(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
