package org.independentstudy.family;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The locale of every page (Spring MVC's {@code localeResolver}): English, whatever the browser asks or the
 * server's locale, unless the page a family opened with its link set the family's language for its request.
 */
@Component("localeResolver")
public class FamilyPageLocale implements LocaleResolver {

    private static final String ATTRIBUTE = FamilyPageLocale.class.getName() + ".locale";

    private final FamilyLanguage languages;

    FamilyPageLocale(FamilyLanguage languages) {
        this.languages = languages;
    }

    /** The page answering this request is for the family of the case's student: it speaks their language. */
    public void speakToFamilyOfCase(HttpServletRequest request, Long caseId) {
        setLocale(request, null, languages.ofCase(caseId));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale family ? family : Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        request.setAttribute(ATTRIBUTE, locale);
    }
}
