package app.comptoir.storefront.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every SQL text of the shoppers' accounts ({@code shoppers}), in the current business (row-level security); the
 * author columns are left to the database (the system actor: no member of staff writes here).
 */
@Repository
public class ShopperStore {

    /** A live or deleted shopper as stored. */
    public record Shopper(UUID id, UUID tenantId, String email, String passwordHash, String name, String phone,
                          UUID customerId, String locale, Instant emailVerifiedAt, Instant deletedAt) {
    }

    private static final String COLUMNS = "id, tenant_id, email, password_hash, name, phone, customer_id, locale, "
            + "email_verified_at, deleted_at";

    private final JdbcTemplate jdbc;

    ShopperStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID tenant, String email, String passwordHash, String name, String phone,
                       UUID customerId, String locale, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into shoppers (id, tenant_id, email, password_hash, name, phone, customer_id, locale,
                                      created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, tenant, email, passwordHash, name, phone, customerId,
                locale, at, at);
    }

    /** The live account of this e-mail (already in lower case) at the current business. */
    public Optional<Shopper> byEmail(String email) {
        return jdbc.query("select " + COLUMNS + " from shoppers where lower(email) = ? and deleted_at is null",
                ShopperStore::shopper, email).stream().findFirst();
    }

    /** A live account. */
    public Optional<Shopper> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from shoppers where id = ? and deleted_at is null",
                ShopperStore::shopper, id).stream().findFirst();
    }

    /** A live account, locked until the end of the transaction (a password or e-mail change, a deletion). */
    public Optional<Shopper> lock(UUID id) {
        return jdbc.query("select " + COLUMNS + " from shoppers where id = ? and deleted_at is null for update",
                ShopperStore::shopper, id).stream().findFirst();
    }

    public void updateProfile(UUID id, String name, String phone, String locale, Instant now) {
        jdbc.update("""
                update shoppers set name = ?, phone = ?, locale = ?, updated_at = ?, updated_by = null,
                       version = version + 1
                 where id = ? and deleted_at is null""", name, phone, locale, Timestamp.from(now), id);
    }

    public void updatePassword(UUID id, String passwordHash, Instant now) {
        jdbc.update("""
                update shoppers set password_hash = ?, updated_at = ?, updated_by = null, version = version + 1
                 where id = ? and deleted_at is null""", passwordHash, Timestamp.from(now), id);
    }

    /** Marks the e-mail verified (once: a second link changes nothing). */
    public boolean verify(UUID id, Instant now) {
        return jdbc.update("""
                update shoppers set email_verified_at = coalesce(email_verified_at, ?), updated_at = ?, updated_by = null,
                       version = version + 1
                 where id = ? and deleted_at is null""", Timestamp.from(now), Timestamp.from(now), id) > 0;
    }

    /**
     * Deletes the account for good (the right to erasure): no e-mail (a placeholder unique to the row), name,
     * phone or password left; soft-deleted, so the row's id, still referred to by past sessions' and links' rows,
     * stays.
     */
    public void anonymise(UUID id, Instant now) {
        jdbc.update("""
                update shoppers set email = 'deleted-' || id || '@invalid', name = '', phone = null,
                       password_hash = null, updated_at = ?, updated_by = null, deleted_at = ?, version = version + 1
                 where id = ? and deleted_at is null""", Timestamp.from(now), Timestamp.from(now), id);
    }

    private static Shopper shopper(ResultSet rs, int i) throws SQLException {
        Timestamp verified = rs.getTimestamp("email_verified_at");
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new Shopper(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("email"),
                rs.getString("password_hash"), rs.getString("name"), rs.getString("phone"),
                rs.getObject("customer_id", UUID.class), rs.getString("locale"),
                verified == null ? null : verified.toInstant(), deleted == null ? null : deleted.toInstant());
    }
}
