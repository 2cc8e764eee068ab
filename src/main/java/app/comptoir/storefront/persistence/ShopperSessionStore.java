package app.comptoir.storefront.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.storefront.application.SignedInShopper;

/** Every SQL text of the shoppers' sessions ({@code shopper_sessions}: the SHA-256 of each token, never the token). */
@Repository
public class ShopperSessionStore {

    private final JdbcTemplate jdbc;

    ShopperSessionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(byte[] tokenHash, UUID tenant, UUID shopper, String kind, Instant now, Instant expires) {
        jdbc.update("""
                insert into shopper_sessions (token_hash, tenant_id, shopper_id, kind, created_at, last_seen_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""", tokenHash, tenant, shopper, kind, Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(expires));
    }

    /** The live session's shopper (an account deleted since has no session). */
    public Optional<Found> find(byte[] tokenHash, String kind, Instant now) {
        return jdbc.query("""
                select s.shopper_id, s.tenant_id, p.customer_id, p.email, p.name, p.locale, p.email_verified_at is not null,
                       s.last_seen_at, s.expires_at
                  from shopper_sessions s join shoppers p on p.id = s.shopper_id and p.deleted_at is null
                 where s.token_hash = ? and s.kind = ? and s.expires_at > ?""",
                (rs, i) -> new Found(new SignedInShopper(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)),
                        rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant()),
                tokenHash, kind, Timestamp.from(now)).stream().findFirst();
    }

    public void touch(byte[] tokenHash, Instant now, Instant expires) {
        jdbc.update("update shopper_sessions set last_seen_at = ?, expires_at = ? where token_hash = ?",
                Timestamp.from(now), Timestamp.from(expires), tokenHash);
    }

    public void delete(byte[] tokenHash) {
        jdbc.update("delete from shopper_sessions where token_hash = ?", (Object) tokenHash);
    }

    /** Ends every session of a shopper (password changed, account deleted), but the one kept, if any. */
    public int deleteAll(UUID shopper, byte[] keep) {
        return keep == null
                ? jdbc.update("delete from shopper_sessions where shopper_id = ?", shopper)
                : jdbc.update("delete from shopper_sessions where shopper_id = ? and token_hash <> ?", shopper, keep);
    }

    /** Sessions past their expiry, of the current business. */
    public int deleteExpired(Instant now) {
        return jdbc.update("delete from shopper_sessions where expires_at <= ?", Timestamp.from(now));
    }

    /** A stored session with when it was last used and when it ends. */
    public record Found(SignedInShopper shopper, Instant lastSeen, Instant expires) {
    }
}
