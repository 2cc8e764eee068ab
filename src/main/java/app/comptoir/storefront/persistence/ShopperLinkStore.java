package app.comptoir.storefront.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every SQL text of the shoppers' e-mailed links ({@code shopper_links}: the SHA-256 of each token, never the
 * token). Concurrency: a link is spent by one guarded update ({@code used_at is null and expires_at > now}), so two
 * tabs following the same link spend it once.
 */
@Repository
public class ShopperLinkStore {

    /** A stored link: whose, what for, until when, and whether it was used. */
    public record Link(UUID shopperId, String purpose, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcTemplate jdbc;

    ShopperLinkStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String tokenHash, UUID tenant, UUID shopper, String purpose, Instant now, Instant expires) {
        jdbc.update("""
                insert into shopper_links (token_hash, tenant_id, shopper_id, purpose, expires_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""", tokenHash, tenant, shopper, purpose, Timestamp.from(expires),
                Timestamp.from(now), Timestamp.from(now));
    }

    public Optional<Link> find(String tokenHash) {
        return jdbc.query("select shopper_id, purpose, expires_at, used_at from shopper_links where token_hash = ?",
                (rs, i) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()), tokenHash)
                .stream().findFirst();
    }

    /** Spends the link if it is unused and valid; false when another request spent it first or it expired. */
    public boolean spend(String tokenHash, Instant now) {
        return jdbc.update("""
                update shopper_links set used_at = ?, updated_at = ?, updated_by = null
                 where token_hash = ? and used_at is null and expires_at > ?""",
                Timestamp.from(now), Timestamp.from(now), tokenHash, Timestamp.from(now)) == 1;
    }

    /** Spends every open link of the shopper for the purpose (a newer link, a new password, a deleted account). */
    public void spendAll(UUID shopper, String purpose, Instant now) {
        jdbc.update("""
                update shopper_links set used_at = ?, updated_at = ?, updated_by = null
                 where shopper_id = ? and (?::varchar is null or purpose = ?) and used_at is null""",
                Timestamp.from(now), Timestamp.from(now), shopper, purpose, purpose);
    }
}
