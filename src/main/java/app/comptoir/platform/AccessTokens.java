package app.comptoir.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;


import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues short-lived signed access tokens (JWT, HS256) for a principal. */
@Component
public class AccessTokens {

    /** Issuer claim of every Comptoir access token. */
    public static final String ISSUER = "comptoir";
    /** Claim holding the account's token version: a token of an older version is refused. */
    public static final String TOKEN_VERSION = "tv";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Duration ttl;

    AccessTokens(JwtEncoder encoder, Clock clock, ComptoirProperties properties) {
        this.encoder = encoder;
        this.clock = clock;
        this.ttl = properties.security().accessTokenTtl();
    }

    /** How long an access token lives. */
    public Duration ttl() {
        return ttl;
    }

    /** A signed access token for the principal, valid for {@link #ttl()}. */
    public String issue(ComptoirPrincipal principal) {
        Instant now = Instant.now(clock);
        return issue(principal, now, now.plus(ttl));
    }

    /** A signed token with explicit times (tests use it to prove expired tokens are refused). */
    public String issue(ComptoirPrincipal principal, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(principal.userId().toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .id(Ids.newId().toString())
                .claim("tid", principal.tenantId().toString())
                .claim("email", principal.email())
                .claim("name", principal.name())
                .claim("roles", principal.roles().stream().map(Role::name).sorted().toList())
                .claim(TOKEN_VERSION, principal.tokenVersion())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

}
