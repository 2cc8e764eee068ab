package app.comptoir.identity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import app.comptoir.identity.application.Suspensions;

/**
 * The public side of a suspended business: its shop and booking pages answer 503 with a page saying it is closed,
 * its public shop and booking APIs a 423 {@code business-suspended} problem. Every other address passes untouched.
 */
@Component
class ClosedBusinessFilter extends OncePerRequestFilter {

    private static final Pattern PUBLIC = Pattern.compile("^/(shop|book|api/v1/store|api/v1/booking)/([^/]+)(/.*)?$");

    private final Suspensions suspensions;
    private final MessageSource messages;

    ClosedBusinessFilter(Suspensions suspensions, MessageSource messages) {
        this.suspensions = suspensions;
        this.messages = messages;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/shop/") || path.startsWith("/book/") || path.startsWith("/api/v1/store/")
                || path.startsWith("/api/v1/booking/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = PUBLIC.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.matches() || !suspensions.suspendedSlug(m.group(2))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (m.group(1).startsWith("api/")) {
            response.setStatus(HttpStatus.LOCKED.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("""
                    {"type":"https://comptoir.app/problems/business-suspended","title":"Locked","status":423,\
                    "detail":"This business is closed for now"}""");
            return;
        }
        // French first: a visitor whose browser names no language reads the page in French.
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.FRENCH : request.getLocale();
        String title = HtmlUtils.htmlEscape(messages.getMessage("closed.title", null, locale), "UTF-8");
        String text = HtmlUtils.htmlEscape(messages.getMessage("closed.text", null, locale), "UTF-8");
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage().isEmpty()
                ? "fr" : locale.getLanguage()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/webjars/bootstrap/css/bootstrap.min.css\">"
                + "</head><body><main class=\"container py-5 text-center\" data-business-closed><h1 class=\"h3\">" + title
                + "</h1><p class=\"text-body-secondary\">" + text + "</p></main></body></html>");
    }
}
