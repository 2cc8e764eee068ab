package app.comptoir.identity.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The devices users chose to stay signed in on ({@code remembered_devices}, V15); tenant-owned, under RLS. */
@Repository
public class RememberedDeviceStore {

    /** One remembered device. */
    public record Row(UUID id, UUID userId, String secretHash, String label, int tokenVersion, Instant createdAt,
                      Instant lastUsedAt, Instant expiresAt) {
    }

    private static final String COLUMNS =
            "id, user_id, secret_hash, label, token_version, created_at, last_used_at, expires_at";

    private final JdbcClient jdbc;

    public RememberedDeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID tenantId, Row row) {
        jdbc.sql("insert into remembered_devices (tenant_id, " + COLUMNS + ") "
                        + "values (:tenant, :id, :user, :hash, :label, :version, :created, :used, :expires)")
                .param("id", row.id()).param("tenant", tenantId).param("user", row.userId())
                .param("hash", row.secretHash()).param("label", row.label()).param("version", row.tokenVersion())
                .param("created", at(row.createdAt())).param("used", at(row.lastUsedAt()))
                .param("expires", at(row.expiresAt())).update();
    }

    public Optional<Row> find(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from remembered_devices where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(RememberedDeviceStore::row).optional();
    }

    /** A user's live devices, most recently used first. */
    public List<Row> ofUser(UUID tenantId, UUID userId, int tokenVersion, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from remembered_devices where tenant_id = :tenant and user_id = :user "
                        + "and token_version = :version and expires_at > :now order by last_used_at desc")
                .param("tenant", tenantId).param("user", userId).param("version", tokenVersion).param("now", at(now))
                .query(RememberedDeviceStore::row).list();
    }

    /** Slides the expiry of a device in use. */
    public void touch(UUID tenantId, UUID id, Instant now, Instant expiresAt) {
        jdbc.sql("update remembered_devices set last_used_at = :now, expires_at = :expires "
                        + "where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).param("now", at(now)).param("expires", at(expiresAt)).update();
    }

    public boolean delete(UUID tenantId, UUID id) {
        return jdbc.sql("delete from remembered_devices where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).update() > 0;
    }

    /** Removes a user's dead devices: expired, or from before their sessions were ended. */
    public void deleteDead(UUID tenantId, UUID userId, int tokenVersion, Instant now) {
        jdbc.sql("delete from remembered_devices where tenant_id = :tenant and user_id = :user "
                        + "and (token_version <> :version or expires_at <= :now)")
                .param("tenant", tenantId).param("user", userId).param("version", tokenVersion).param("now", at(now))
                .update();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("secret_hash"),
                rs.getString("label"), rs.getInt("token_version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_used_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
