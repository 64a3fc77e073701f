package org.independentstudy.signing;

import java.util.HashMap;
import java.util.Map;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.family.FamilyLanguage;
import org.independentstudy.family.FamilyMail;
import org.independentstudy.signing.AgreementsForFamilySigning.SignatureRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The e-mail that brings a family signer their personal link, in the family's language (issue 12.8). */
@Component
class InvitationMail {

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

    /** Queued in the mail outbox; its outcome goes to {@link SignatureInvitations} with this reference. */
    void queue(SigningLink link, String token, SignatureRequest request, boolean reminder, String reference) {
        Map<String, Object> model = new HashMap<>();
        model.put("reminder", reminder);
        model.put("district", district.name());
        model.put("signerName", link.getSignerName());
        model.put("studentFirstName", request.studentFirstName());
        model.put("deadline", request.deadline().orElse(null));
        model.put("expires", link.getExpiresAt().atZone(district.timeZone()).toLocalDate());
        model.put("url", publicBaseUrl + "/sign/" + token);
        mail.queue(SignatureInvitations.MAIL_PURPOSE, reference, link.getEmail(),
                mail.render("signing/invitation-mail", languages.ofCase(link.getCaseId()), model));
    }
}
