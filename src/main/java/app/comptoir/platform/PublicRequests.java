package app.comptoir.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the public pages and APIs (the booking page, the shop) read from a request: the visitor's language and the
 * site's address.
 */
public final class PublicRequests {

    private PublicRequests() {
    }

    /** French or English: the {@code lang} parameter, else the Accept-Language header, else French. */
    public static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang == null && request.getHeader("Accept-Language") != null) {
            lang = request.getLocale().getLanguage();
        }
        return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** The site's address as the customer reached it (links and the payment's return pages are built on it). */
    public static String siteUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
