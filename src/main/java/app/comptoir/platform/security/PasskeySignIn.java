package app.comptoir.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.PasskeyAccounts;

/**
 * Passkey sign-in on the web chain, through Spring Security's WebAuthn endpoints
 * ({@code /webauthn/authenticate/options}, {@code /login/webauthn}, {@code /webauthn/register/options},
 * {@code /webauthn/register}). Spring Security checks the signature; the passkey's user handle then becomes
 * the same session a password sign-in gives: a {@link ComptoirPrincipal} of the account as it is now (a
 * disabled or deleted account is refused), a new session id and a new CSRF token.
 */
final class PasskeySignIn {

    private PasskeySignIn() {
    }

    static void configure(HttpSecurity http, WebAuthnRelyingPartyOperations operations, PasskeyAccounts accounts)
            throws Exception {
        // Spring Security's own provider would look the user up here; ours (below) replaces it.
        http.setSharedObject(UserDetailsService.class, username -> {
            throw new UsernameNotFoundException("Passkeys sign in through the Comptoir accounts");
        });
        http.webAuthn(webAuthn -> webAuthn
                .rpName("Comptoir")
                .disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new NodePasskeyCreationOptions())
                .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                    @Override
                    public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(authentication -> signIn(authentication, operations, accounts));
                        filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(List.of(
                                new ChangeSessionIdAuthenticationStrategy(),
                                new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
                        filter.setAuthenticationSuccessHandler((request, response, authentication) ->
                                json(response, HttpServletResponse.SC_OK, "{\"authenticated\":true,\"redirectUrl\":\""
                                        + request.getContextPath() + "/app\"}"));
                        filter.setAuthenticationFailureHandler((request, response, e) ->
                                json(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"authenticated\":false,"
                                        + "\"reason\":\"" + (e instanceof DisabledException ? "disabled" : "refused")
                                        + "\"}"));
                        return filter;
                    }
                }));
    }

    private static Authentication signIn(Authentication authentication, WebAuthnRelyingPartyOperations operations,
                                         PasskeyAccounts accounts) {
        if (!(authentication instanceof WebAuthnAuthenticationRequestToken request)) {
            throw new BadCredentialsException("Not a passkey");
        }
        PublicKeyCredentialUserEntity user;
        try {
            user = operations.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            throw new BadCredentialsException("The passkey was not accepted", e);
        }
        ComptoirPrincipal principal = accounts.signIn(user.getId().toBase64UrlString())
                .orElseThrow(() -> new DisabledException("This account is disabled or deleted"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                SecurityConfiguration.authorities(principal.roles()));
    }

    private static void json(HttpServletResponse response, int status, String body) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
