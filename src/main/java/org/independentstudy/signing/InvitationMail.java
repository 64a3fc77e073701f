package org.independentstudy.signing;

import java.util.HashMap;
import java.util.Map;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.family.FamilyLanguage;
import org.independentstudy.family.FamilyMail;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The e-mail that brings a family signer their personal link, in the family's language (issue 12.8). Its outbox
 * reference is the link's id, marked when the e-mail is a reminder.
 */
@Component
class InvitationMail {

    private static final String REMINDER = ":reminder";

    private final FamilyMail mail;
    private final FamilyLanguage languages;
    private final DistrictProperties district;
    private final String publicBaseUrl;

    InvitationMail(FamilyMail mail, FamilyLanguage languages, DistrictProperties district,
                   @Value("${isp.public-base-url}") String publicBaseUrl) {
        this.mail = mail;
        this.languages = languages;
        this.district = district;
        this.publicBaseUrl = publicBaseUrl.replaceFirst("/+$", "");
    }

    /** Queued in the mail outbox; its outcome goes to {@link SignatureInvitations} with the link's reference. */
    void queue(SigningLink link, String token, SignatureRequest request, boolean reminder) {
        Map<String, Object> model = new HashMap<>();
        model.put("reminder", reminder);
        model.put("district", district.name());
        model.put("signerName", link.getSignerName());
        model.put("studentFirstName", request.studentFirstName());
        model.put("deadline", request.deadline().orElse(null));
        model.put("expires", link.getExpiresAt().atZone(district.timeZone()).toLocalDate());
        model.put("url", publicBaseUrl + "/sign/" + token);
        mail.queue(SignatureInvitations.MAIL_PURPOSE, link.getId() + (reminder ? REMINDER : ""), link.getEmail(),
                mail.render("signing/invitation-mail", languages.ofCase(link.getCaseId()), model));
    }

    /** AGR-08: the link stopped working: its e-mails (invitation, reminder) that have not gone out are not sent. */
    void withdraw(SigningLink link) {
        mail.withdraw(SignatureInvitations.MAIL_PURPOSE, link.getId().toString());
        mail.withdraw(SignatureInvitations.MAIL_PURPOSE, link.getId() + REMINDER);
    }

    static Long linkIdOf(String reference) {
        return Long.valueOf(reference.replace(REMINDER, ""));
    }

    static boolean isReminder(String reference) {
        return reference.endsWith(REMINDER);
    }
}
