package app.comptoir.platform.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Where the options of a passkey being added wait between the two steps of the ceremony: in this node's memory, by
 * session, for five minutes. Spring Security keeps them in the session, but its {@code PublicKeyCredentialCreationOptions}
 * is not serializable and the sessions are stored in PostgreSQL (shared by every node). Adding a passkey therefore
 * takes both of its requests to the same node (seconds apart); signing in with one works on any node (its options
 * are serializable and stay in the session).
 */
final class NodePasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    private final Cache<String, PublicKeyCredentialCreationOptions> options = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions value) {
        String session = request.getSession().getId();
        if (value == null) {
            options.invalidate(session);
        } else {
            options.put(session, value);
        }
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : options.getIfPresent(session.getId());
    }
}
