package app.comptoir.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery protection of the public shop's forms without a token in the page, so that a shop's
 * pages are the same for every visitor and can be cached: a form sent from another site is refused (403). The
 * browser says where a request comes from in {@code Sec-Fetch-Site} (every current browser) or {@code Origin};
 * the shopper's cookies are {@code SameSite=Lax} besides, so another site's form would not carry them anyway
 * (OWASP's "Fetch Metadata" and "Verifying Origin" defences). A request with neither header (a script, an old
 * browser) carries no session a third site could abuse.
 */
final class SameSiteForms extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE.contains(request.getMethod()) && !sameSite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-site form refused");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean sameSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            URI from = URI.create(origin);
            int port = from.getPort() != -1 ? from.getPort() : "https".equals(from.getScheme()) ? 443 : 80;
            return request.getServerName().equalsIgnoreCase(from.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
