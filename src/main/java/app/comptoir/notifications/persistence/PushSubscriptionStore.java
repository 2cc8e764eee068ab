package app.comptoir.notifications.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The devices users subscribed to web push ({@code push_subscriptions}, V26); tenant-owned, under RLS. */
@Repository
public class PushSubscriptionStore {

    /** One subscribed device. */
    public record Row(UUID id, UUID userId, String endpoint, String p256dh, String auth, String label,
                      Instant createdAt, Instant lastSuccessAt) {
    }

    private static final String COLUMNS = "id, user_id, endpoint, p256dh, auth, label, created_at, last_success_at";

    private final JdbcClient jdbc;

    public PushSubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a subscription, or updates the one with the same endpoint (the browser subscribed again, maybe
     * with new keys, maybe for another user of the business who signed in on it); returns the row's id.
     */
    public UUID upsert(UUID tenantId, Row row) {
        return jdbc.sql("insert into push_subscriptions (tenant_id, " + COLUMNS + ") values (:tenant, :id, :user, "
                        + ":endpoint, :p256dh, :auth, :label, :created, null) "
                        + "on conflict (tenant_id, endpoint) do update set user_id = excluded.user_id, "
                        + "p256dh = excluded.p256dh, auth = excluded.auth, label = excluded.label returning id")
                .param("tenant", tenantId).param("id", row.id()).param("user", row.userId())
                .param("endpoint", row.endpoint()).param("p256dh", row.p256dh()).param("auth", row.auth())
                .param("label", row.label()).param("created", at(row.createdAt()))
                .query(UUID.class).single();
    }

    /** A user's devices, most recent first. */
    public List<Row> ofUser(UUID tenantId, UUID userId) {
        return jdbc.sql("select " + COLUMNS + " from push_subscriptions where tenant_id = :tenant and user_id = :user "
                        + "order by created_at desc, id")
                .param("tenant", tenantId).param("user", userId).query(PushSubscriptionStore::row).list();
    }

    public Optional<Row> find(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from push_subscriptions where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(PushSubscriptionStore::row).optional();
    }

    /** Removes one of the user's devices; false when it is not theirs or not there. */
    public boolean deleteOfUser(UUID tenantId, UUID userId, UUID id) {
        return jdbc.sql("delete from push_subscriptions where tenant_id = :tenant and user_id = :user and id = :id")
                .param("tenant", tenantId).param("user", userId).param("id", id).update() > 0;
    }

    /** Removes the user's device with this endpoint; false when there is none. */
    public boolean deleteOfUserByEndpoint(UUID tenantId, UUID userId, String endpoint) {
        return jdbc.sql("delete from push_subscriptions where tenant_id = :tenant and user_id = :user "
                        + "and endpoint = :endpoint")
                .param("tenant", tenantId).param("user", userId).param("endpoint", endpoint).update() > 0;
    }

    /** Removes a device its push service says is gone (404, 410), with what was queued for it. */
    public void delete(UUID tenantId, UUID id) {
        jdbc.sql("delete from push_subscriptions where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).update();
    }

    public void markSuccess(UUID tenantId, UUID id, Instant at) {
        jdbc.sql("update push_subscriptions set last_success_at = :at where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).param("at", at(at)).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime success = rs.getObject("last_success_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("endpoint"),
                rs.getString("p256dh"), rs.getString("auth"), rs.getString("label"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                success == null ? null : success.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
