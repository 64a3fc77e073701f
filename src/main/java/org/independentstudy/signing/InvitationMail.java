package org.independentstudy.signing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The e-mail that brings a family signer their personal link: plain text and simple HTML. */
@Component
class InvitationMail {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US);

    private final JavaMailSender sender;
    private final ITemplateEngine templates;
    private final DistrictProperties district;
    private final String from;
    private final String publicBaseUrl;

    InvitationMail(JavaMailSender sender, ITemplateEngine templates, DistrictProperties district,
                   @Value("${isp.mail.from}") String from, @Value("${isp.public-base-url}") String publicBaseUrl) {
        this.sender = sender;
        this.templates = templates;
        this.district = district;
        this.from = from;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/+$", "");
    }

    /** Throws a MailException or MessagingException when the mail server does not take the message. */
    void send(SigningLink link, String token, SignatureRequest request, boolean reminder) throws MessagingException {
        String url = publicBaseUrl + "/sign/" + token;
        Optional<String> deadline = request.deadline().map(DATE::format);
        String expires = DATE.format(link.getExpiresAt().atZone(district.timeZone()).toLocalDate());

        Context model = new Context(Locale.US);
        model.setVariable("district", district.name());
        model.setVariable("signerName", link.getSignerName());
        model.setVariable("studentFirstName", request.studentFirstName());
        model.setVariable("deadline", deadline.orElse(null));
        model.setVariable("expires", expires);
        model.setVariable("url", url);

        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(link.getEmail());
        helper.setSubject((reminder ? "Reminder: " : "") + district.name() + ": please sign " + request.studentFirstName()
                + "'s independent study agreement");
        helper.setText(plainText(link, request, url, deadline, expires),
                templates.process("signing/invitation-mail", model));
        sender.send(message);
    }

    private String plainText(SigningLink link, SignatureRequest request, String url, Optional<String> deadline,
                             String expires) {
        return "Dear " + link.getSignerName() + ",\n\n"
                + district.name() + " asks you to read and sign the independent study agreement for "
                + request.studentFirstName() + ".\n"
                + deadline.map(d -> "Please sign by " + d + ".\n").orElse("")
                + "\nYour personal signing link (do not forward it; it works once and until " + expires + "):\n"
                + url + "\n\n"
                + "If you have questions, contact your school.\n";
    }
}
