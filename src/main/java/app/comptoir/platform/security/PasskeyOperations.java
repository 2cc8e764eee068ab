package app.comptoir.platform.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.PasskeyAccounts;

/**
 * Spring Security's WebAuthn relying party, with two Comptoir adjustments. The stores know a signed-in user
 * by {@link PasskeyAccounts#userKey} (a {@link ComptoirPrincipal} has no stable "name" of its own). And the
 * allowed origins, unless configured ({@code comptoir.webauthn.allowed-origins}), are derived from the
 * relying party id and the port the server really listens on, which is only known once it started (tests
 * run on a random port): the relying party is therefore built at its first use.
 */
final class PasskeyOperations implements WebAuthnRelyingPartyOperations {

    private final Supplier<WebAuthnRelyingPartyOperations> delegate;

    PasskeyOperations(PublicKeyCredentialUserEntityRepository users, UserCredentialRepository credentials,
                      String rpId, List<String> configuredOrigins, Environment environment) {
        this.delegate = memoize(() -> new Webauthn4JRelyingPartyOperations(users, credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name("Comptoir").build(),
                origins(rpId, configuredOrigins, environment)));
    }

    /** The configured origins, or those of the relying party id on the server's port. */
    static Set<String> origins(String rpId, List<String> configured, Environment environment) {
        Set<String> origins = new LinkedHashSet<>();
        configured.stream().flatMap(o -> java.util.Arrays.stream(o.split(","))).map(String::trim)
                .filter(o -> !o.isEmpty()).forEach(origins::add);
        if (origins.isEmpty()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            origins.add("http://" + rpId + ":" + port);
            origins.add("https://" + rpId + ":" + port);
            origins.add("https://" + rpId);
        }
        return origins;
    }

    @Override
    public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
            PublicKeyCredentialCreationOptionsRequest request) {
        return delegate.get().createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(keyed(request.getAuthentication())));
    }

    @Override
    public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
        return delegate.get().registerCredential(request);
    }

    @Override
    public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
            PublicKeyCredentialRequestOptionsRequest request) {
        Authentication authentication = request.getAuthentication();
        return delegate.get().createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(
                authentication == null ? null : keyed(authentication)));
    }

    @Override
    public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
        return delegate.get().authenticate(request);
    }

    /** The same authentication, named by the user key the stores understand. */
    private static Authentication keyed(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof ComptoirPrincipal principal) {
            return UsernamePasswordAuthenticationToken.authenticated(PasskeyAccounts.userKey(principal), null,
                    authentication.getAuthorities());
        }
        return authentication;
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            value = v = supplier.get();
                        }
                    }
                }
                return v;
            }
        };
    }
}
