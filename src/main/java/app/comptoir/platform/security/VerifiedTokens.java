package app.comptoir.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers access tokens whose signature and claims were already verified, so that a client
 * sending the same token on every request pays for the HMAC check and claim parsing once.
 *
 * <p>The key is the whole token, signature included: an equal string is the same verified token.
 * Expiry is checked again on every use against the clock (with the decoder's clock skew), so a
 * cached token stops working exactly when it would have stopped without the cache. The account
 * behind it is re-checked per request elsewhere ({@link LiveAccountFilter}), which is what makes a
 * disabled or demoted user lose access at once. Bounded: when full, the cache is emptied (tokens
 * live minutes, so it refills from the active clients only).
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Duration clockSkew;
    private final int maxEntries;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, Clock clock, Duration clockSkew, int maxEntries) {
        this.verifier = verifier;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token);
        if (jwt != null) {
            if (!expired(jwt)) {
                return jwt;
            }
            verified.remove(token);
            String message = "Jwt expired at " + jwt.getExpiresAt();
            throw new JwtValidationException(message, List.of(new OAuth2Error("invalid_token", message, null)));
        }
        jwt = verifier.decode(token);
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().minus(clockSkew).isAfter(expiresAt);
    }
}
