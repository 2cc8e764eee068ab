package app.comptoir.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The password-reset links (table {@code password_resets}, global: a link is followed before the business is
 * known). Only the SHA-256 of each token is stored. Concurrency: a link is spent by one guarded update
 * ({@code used_at is null and expires_at > now}), so two tabs submitting the same link at once spend it once.
 */
@Repository
public class PasswordResetStore {

    /** A stored link: whose it is, until when, and whether it was used. */
    public record Link(UUID tenantId, UUID userId, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    public PasswordResetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UUID tenantId, UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into password_resets (token_hash, tenant_id, user_id, created_at, expires_at)
                values (:hash, :tenant, :user, :now, :expires)""")
                .param("hash", tokenHash).param("tenant", tenantId).param("user", userId)
                .param("now", at(now)).param("expires", at(expiresAt))
                .update();
    }

    public Optional<Link> find(String tokenHash) {
        return jdbc.sql("select tenant_id, user_id, expires_at, used_at from password_resets where token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), instant(rs.getObject(4, OffsetDateTime.class))))
                .optional();
    }

    /** Spends the link if it is still unused and valid; false when another request spent it first or it expired. */
    public boolean spend(String tokenHash, Instant now) {
        return jdbc.sql("""
                update password_resets set used_at = :now
                 where token_hash = :hash and used_at is null and expires_at > :now""")
                .param("hash", tokenHash).param("now", at(now))
                .update() == 1;
    }

    /** Spends every other open link of the user: once the password is reset, older e-mails must not work. */
    public void spendAllOf(UUID tenantId, UUID userId, Instant now) {
        jdbc.sql("update password_resets set used_at = :now where tenant_id = :tenant and user_id = :user and used_at is null")
                .param("tenant", tenantId).param("user", userId).param("now", at(now))
                .update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
