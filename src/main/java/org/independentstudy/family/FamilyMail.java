package org.independentstudy.family;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * E-mails and letters to a family, in the family's language: a template rendered in that language is the letter
 * (HTML, also the source of its PDF) and the e-mail, whose subject is the document's title and whose plain-text
 * part is its words without markup, links written out.
 */
@Component
public class FamilyMail {

    private final JavaMailSender sender;
    private final ITemplateEngine templates;
    private final String from;

    FamilyMail(JavaMailSender sender, ITemplateEngine templates, @Value("${isp.mail.from}") String from) {
        this.sender = sender;
        this.templates = templates;
        this.from = from;
    }

    /** The template (an HTML document with a title) with its words in this language. */
    public String render(String template, Locale language, Map<String, Object> variables) {
        return templates.process(template, new Context(language, variables));
    }

    /** Throws a MailException or MessagingException when the mail server does not take the message. */
    public void send(String to, String html) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subjectOf(html));
        helper.setText(plainText(html), html);
        sender.send(message);
    }

    static String subjectOf(String html) {
        return HtmlUtils.htmlUnescape(html.substring(html.indexOf("<title>") + 7, html.indexOf("</title>")))
                .replaceAll("\\s+", " ").strip();
    }

    /** The same words without markup, for mail readers that show text only; a link is its text and address. */
    static String plainText(String html) {
        String text = html.replaceAll("(?s)<head>.*?</head>", "")
                .replaceAll("(?s)<a [^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2: $1")
                .replaceAll("<br\\s*/?>", "\n")
                .replaceAll("</(p|h1|ul)>", "\n")
                .replaceAll("<li[^>]*>", "- ")
                .replaceAll("<[^>]+>", "");
        return HtmlUtils.htmlUnescape(text).replaceAll("[ \\t]+", " ").replaceAll(" ?\\n ?", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }
}
