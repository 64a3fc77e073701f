package org.independentstudy.signing;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.independentstudy.config.DistrictProperties;
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
 * the Referer header.
 */
@Controller
@RequestMapping("/sign/{token}")
class SigningPage {

    private static final int MAX_TYPED_NAME = 200;
    private static final int MAX_USER_AGENT = 500;
    private static final DateTimeFormatter SIGNED_AT =
            DateTimeFormatter.ofPattern("MMMM d, uuuu 'at' h:mm a", Locale.US);

    private final SigningLinks links;
    private final FamilySigning signing;
    private final AgreementsForFamilySigning agreements;
    private final DistrictProperties district;
    private final Clock clock;

    SigningPage(SigningLinks links, FamilySigning signing, AgreementsForFamilySigning agreements,
                DistrictProperties district, Clock clock) {
        this.links = links;
        this.signing = signing;
        this.agreements = agreements;
        this.district = district;
        this.clock = clock;
    }

    @GetMapping
    ModelAndView show(@PathVariable String token) {
        return links.find(token)
                .map(link -> link.stateAt(clock.instant()) == LinkState.OPEN
                        ? agreementPage(link, "", Map.of(), HttpStatus.OK)
                        : unavailable(link, HttpStatus.OK))
                .orElseGet(this::unknownLink);
    }

    @PostMapping
    ModelAndView sign(@PathVariable String token, @RequestParam(defaultValue = "") String fullName,
                      @RequestParam(defaultValue = "false") boolean consent, HttpServletRequest request) {
        Optional<SigningLink> found = links.find(token);
        if (found.isEmpty()) {
            return unknownLink();
        }
        SigningLink link = found.get();
        if (link.stateAt(clock.instant()) != LinkState.OPEN) {
            return unavailable(link, HttpStatus.CONFLICT);
        }
        String typedName = fullName.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (typedName.isEmpty() || typedName.length() > MAX_TYPED_NAME) {
            errors.put("fullName", "Type your full name as your signature.");
        }
        if (!consent) {
            errors.put("consent", "Check the box to agree to sign electronically.");
        }
        if (!errors.isEmpty()) {
            return agreementPage(link, typedName, errors, HttpStatus.BAD_REQUEST);
        }
        SignatureEvidence evidence = new SignatureEvidence(typedName, request.getRemoteAddr(),
                truncate(request.getHeader("User-Agent"), MAX_USER_AGENT));
        return signing.sign(link.getId(), evidence)
                .map(signed -> page("signing/signed", signed, HttpStatus.OK))
                .orElseGet(() -> unavailable(links.get(link.getId()), HttpStatus.CONFLICT));
    }

    private ModelAndView agreementPage(SigningLink link, String typedName, Map<String, String> errors,
                                       HttpStatus status) {
        ModelAndView page = page("signing/agreement", link, status);
        page.addObject("agreementHtml", agreements.renderHtml(link.getAgreementVersionId()));
        page.addObject("fullName", typedName);
        page.addObject("errors", errors);
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
            page.addObject("signedAt", SIGNED_AT.format(link.getUsedAt().atZone(district.timeZone())));
        }
        return page;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
