package app.comptoir.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import app.comptoir.platform.AccountStatus;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.RememberedDevices;
import app.comptoir.platform.Role;

/**
 * Re-checks the signed-in account on every request: a disabled or deleted user is refused (401 on
 * the API, back to the login page on the web), a token or session of an older token version (the
 * password changed, "sign out everywhere") likewise, and changed roles apply immediately. A web
 * session also ends after its absolute lifetime, however active it stays.
 */
class LiveAccountFilter extends OncePerRequestFilter {

    /** Session attribute: when the session's user signed in (the start of its absolute lifetime). */
    static final String SIGNED_IN_AT = "comptoir.signedInAt";

    private final AccountStatus accounts;
    private final ProblemResponses problems;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    /** For the API: answers with a problem. */
    static LiveAccountFilter forApi(AccountStatus accounts, ProblemResponses problems) {
        return new LiveAccountFilter(accounts, problems, null, null);
    }

    /** For the web: redirects to the login page, and ends sessions older than {@code sessionLifetime}. */
    static LiveAccountFilter forWeb(AccountStatus accounts, Clock clock, Duration sessionLifetime) {
        return new LiveAccountFilter(accounts, null, clock, sessionLifetime);
    }

    private LiveAccountFilter(AccountStatus accounts, ProblemResponses problems, Clock clock, Duration sessionLifetime) {
        this.accounts = accounts;
        this.problems = problems;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication auth = context.getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ComptoirPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        if (problems == null && sessionExpired(request)) {
            if (rememberedPageLoad(request)) {
                // A remembered device signs back in by itself (DeviceRememberMe): the same page again, in a
                // new session, rather than a detour through the login page.
                endSession(request);
                response.sendRedirect(request.getRequestURI()
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
                return;
            }
            refuse(request, response, "expired", null, null);
            return;
        }
        Optional<ComptoirPrincipal> current = accounts.current(principal);
        if (current.isEmpty()) {
            refuse(request, response, "disabled", "account-disabled", "This account is disabled or no longer exists");
            return;
        }
        if (current.get().tokenVersion() != principal.tokenVersion()) {
            refuse(request, response, "expired", "token-revoked",
                    "This access token was revoked (password changed or signed out everywhere); sign in again");
            return;
        }
        if (accounts.businessSuspended(principal.tenantId())) {
            if (problems != null) {
                SecurityContextHolder.clearContext();
                problems.write(request, response, HttpStatus.LOCKED, "business-suspended",
                        "This business is suspended by the operator of the service; contact them to reopen it");
                return;
            }
            refuse(request, response, "suspended", null, null);
            return;
        }
        if (!current.get().equals(principal)) {
            ComptoirPrincipal now = current.get();
            UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(now,
                    auth.getCredentials(), now.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList());
            updated.setDetails(auth.getDetails());
            SecurityContext fresh = SecurityContextHolder.createEmptyContext();
            fresh.setAuthentication(updated);
            SecurityContextHolder.setContext(fresh);
            if (problems == null) {
                sessions.saveContext(fresh, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether the web session outlived its absolute lifetime. The clock starts at the first
     * authenticated request of the session (form login and sign-up both rotate the session, so that
     * is the sign-in), and a session renewed by activity never gets past it.
     */
    private boolean sessionExpired(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Instant now = clock.instant();
        if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt)) {
            session.setAttribute(SIGNED_IN_AT, now);
            return false;
        }
        return !now.isBefore(signedInAt.plus(sessionLifetime));
    }

    /** A plain page load (not htmx) from a browser that holds a remembered device's cookie. */
    private static boolean rememberedPageLoad(HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        return "GET".equals(request.getMethod()) && !"true".equals(request.getHeader("HX-Request")) && cookies != null
                && java.util.Arrays.stream(cookies).anyMatch(c -> RememberedDevices.COOKIE.equals(c.getName())
                && !c.getValue().isEmpty());
    }

    private static void endSession(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String loginReason, String type,
                        String detail) throws IOException {
        SecurityContextHolder.clearContext();
        if (problems != null) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, type, detail);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login?" + loginReason);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?" + loginReason);
    }
}
