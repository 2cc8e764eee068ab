package app.comptoir.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

import app.comptoir.platform.ComptoirPrincipal;

/**
 * Signs a principal into the browser session without a login form (after sign-up), doing what form
 * login does: a new session id against fixation, a new CSRF token, the context saved in the session.
 */
@Component
class WebSignIn {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    // The same session attributes as the web filter chain's defaults, so the chain finds them.
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final CsrfAuthenticationStrategy csrf = new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository());

    void signIn(ComptoirPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        csrf.onAuthentication(authentication, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
