package org.independentstudy.signing;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.independentstudy.config.DistrictProperties;
import org.independentstudy.family.FamilyPageLocale;
import org.independentstudy.signing.FamilySigning.SignatureEvidence;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public page behind a family's signing link: the agreement and a sign button, nothing else. The token
 * is the only credential and grants this one page and this one signature; SecurityConfiguration keeps it out of
 * the Referer header. It speaks the family's language (issue 12.8); an unknown link's page is English.
 */
@Controller
@RequestMapping("/sign/{token}")
class SigningPage {

    private static final int MAX_TYPED_NAME = 200;
    private static final int MAX_USER_AGENT = 500;

    private final SigningLinks links;
    private final FamilySigning signing;
    private final AgreementsForFamilySigning agreements;
    private final DistrictProperties district;
    private final FamilyPageLocale pageLocale;
    private final Clock clock;

    SigningPage(SigningLinks links, FamilySigning signing, AgreementsForFamilySigning agreements,
                DistrictProperties district, FamilyPageLocale pageLocale, Clock clock) {
        this.links = links;
        this.signing = signing;
        this.agreements = agreements;
        this.district = district;
        this.pageLocale = pageLocale;
        this.clock = clock;
    }

    @GetMapping
    ModelAndView show(@PathVariable String token, HttpServletRequest request) {
        Optional<SigningLink> found = links.find(token);
        if (found.isEmpty()) {
            return unknownLink();
        }
        SigningLink link = found.get();
        pageLocale.speakToFamilyOfCase(request, link.getCaseId());
        return link.stateAt(clock.instant()) == LinkState.OPEN ? agreementPage(link, "", Set.of(), HttpStatus.OK)
                : unavailable(link, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView sign(@PathVariable String token, @RequestParam(defaultValue = "") String fullName,
                      @RequestParam(defaultValue = "false") boolean consent, HttpServletRequest request) {
        Optional<SigningLink> found = links.find(token);
        if (found.isEmpty()) {
            return unknownLink();
        }
        SigningLink link = found.get();
        pageLocale.speakToFamilyOfCase(request, link.getCaseId());
        if (link.stateAt(clock.instant()) != LinkState.OPEN) {
            return unavailable(link, HttpStatus.CONFLICT);
        }
        String typedName = fullName.strip();
        Set<String> fieldsInError = new LinkedHashSet<>();
        if (typedName.isEmpty() || typedName.length() > MAX_TYPED_NAME) {
            fieldsInError.add("fullName");
        }
        if (!consent) {
            fieldsInError.add("consent");
        }
        if (!fieldsInError.isEmpty()) {
            return agreementPage(link, typedName, fieldsInError, HttpStatus.BAD_REQUEST);
        }
        SignatureEvidence evidence = new SignatureEvidence(typedName, request.getRemoteAddr(),
                truncate(request.getHeader("User-Agent"), MAX_USER_AGENT));
        return signing.sign(link.getId(), evidence)
                .map(signed -> page("signing/signed", signed, HttpStatus.OK))
                .orElseGet(() -> unavailable(links.get(link.getId()), HttpStatus.CONFLICT));
    }

    /** The page says, in the family's language, what each field in error needs. */
    private ModelAndView agreementPage(SigningLink link, String typedName, Set<String> fieldsInError,
                                       HttpStatus status) {
        ModelAndView page = page("signing/agreement", link, status);
        page.addObject("agreementHtml", agreements.renderHtml(link.getAgreementVersionId()));
        page.addObject("fullName", typedName);
        page.addObject("fieldsInError", fieldsInError);
        return page;
    }

    /** Used: "already signed", answered 409 to a second submission; superseded or expired: 410 Gone. */
    private ModelAndView unavailable(SigningLink link, HttpStatus statusWhenUsed) {
        LinkState state = link.stateAt(clock.instant());
        ModelAndView page = page("signing/unavailable", link,
                state == LinkState.USED ? statusWhenUsed : HttpStatus.GONE);
        page.addObject("state", state.name());
        return page;
    }

    private ModelAndView unknownLink() {
        ModelAndView page = new ModelAndView("signing/unavailable", HttpStatus.NOT_FOUND);
        page.addObject("district", district.name());
        page.addObject("state", "UNKNOWN");
        return page;
    }

    private ModelAndView page(String view, SigningLink link, HttpStatus status) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("district", district.name());
        page.addObject("signerName", link.getSignerName());
        if (link.getUsedAt() != null) {
            ZonedDateTime signedAt = link.getUsedAt().atZone(district.timeZone());
            page.addObject("signedOn", signedAt.toLocalDate());
            page.addObject("signedAt", signedAt.toLocalTime());
        }
        return page;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
