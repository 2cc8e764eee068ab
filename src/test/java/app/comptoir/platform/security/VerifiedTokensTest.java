package app.comptoir.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import app.comptoir.support.MovableClock;

class VerifiedTokensTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private final VerifiedTokens tokens = new VerifiedTokens(countingVerifier(), clock, SKEW, 3);

    @Test
    void aTokenIsVerifiedOnceThenServedFromMemory() {
        String token = issue(Duration.ofMinutes(15), "alice");

        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("alice");

        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        String token = issue(Duration.ofMinutes(15), "alice");
        tokens.decode(token);

        clock.advance(Duration.ofMinutes(15).plus(SKEW).plusSeconds(1));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
    }

    @Test
    void aTamperedTokenIsStillRefused() {
        String token = issue(Duration.ofMinutes(15), "alice");
        tokens.decode(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(JwtException.class);
    }

    @Test
    void aFullCacheStartsAgainRatherThanGrowing() {
        for (int i = 0; i < 5; i++) {
            tokens.decode(issue(Duration.ofMinutes(15), "user" + i));
        }
        String first = issue(Duration.ofMinutes(15), "user0");
        verifications.set(0);

        tokens.decode(first);

        assertThat(verifications).hasValue(1);
    }

    private JwtDecoder countingVerifier() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(SKEW);
        timestamps.setClock(clock);
        decoder.setJwtValidator(timestamps);
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private String issue(Duration lifetime, String subject) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(now).expiresAt(now.plus(lifetime)).build();
        return NimbusJwtEncoder.withSecretKey(KEY).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
