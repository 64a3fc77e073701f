package org.independentstudy.family;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * E-mails and letters to a family, in the family's language: a template rendered in that language is the letter
 * (HTML, also the source of its PDF) and the e-mail, whose subject is the document's title and whose plain-text
 * part is its words without markup, links written out. E-mails go through the {@link MailOutbox}.
 */
@Component
public class FamilyMail {

    private final ITemplateEngine templates;
    private final MailOutbox outbox;

    FamilyMail(ITemplateEngine templates, MailOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    /** The template (an HTML document with a title) with its words in this language. */
    public String render(String template, Locale language, Map<String, Object> variables) {
        return templates.process(template, new Context(language, variables));
    }

    /**
     * Queues the rendered document as an e-mail in the caller's transaction; what becomes of it is told to
     * {@code purpose} as a {@link MailOutcome} carrying {@code reference}. Returns the outbox message's id.
     */
    public long queue(String purpose, String reference, String to, String html) {
        return outbox.queue(purpose, reference, to, subjectOf(html), html);
    }

    /** The e-mails queued with this purpose and reference that have not gone out yet are not sent. */
    public void withdraw(String purpose, String reference) {
        outbox.withdraw(purpose, reference);
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
