package app.comptoir.platform.security;

import java.io.IOException;
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
import app.comptoir.platform.Role;

/**
 * Re-checks the signed-in account on every request: a disabled or deleted user is refused (401 on
 * the API, back to the login page on the web), and changed roles apply immediately.
 */
class LiveAccountFilter extends OncePerRequestFilter {

    private final AccountStatus accounts;
    private final ProblemResponses problems;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    /** For the API: answers with a problem. For the web: {@code problems} is null, redirects to the login page. */
    LiveAccountFilter(AccountStatus accounts, ProblemResponses problems) {
        this.accounts = accounts;
        this.problems = problems;
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
        Optional<ComptoirPrincipal> current = accounts.current(principal);
        if (current.isEmpty()) {
            SecurityContextHolder.clearContext();
            if (problems != null) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "account-disabled",
                        "This account is disabled or no longer exists");
            } else {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?disabled");
            }
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
}
