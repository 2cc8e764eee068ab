package app.comptoir.identity.application;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import app.comptoir.platform.ComptoirPrincipal;

/**
 * Runs work as a user who proved who they are with an e-mailed link but is not signed in yet (a password reset,
 * an accepted invitation), so the audit trail names them rather than "the system".
 */
final class ActingUser {

    private ActingUser() {
    }

    static <T> T call(ComptoirPrincipal principal, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, java.util.List.of()));
        SecurityContextHolder.setContext(acting);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
