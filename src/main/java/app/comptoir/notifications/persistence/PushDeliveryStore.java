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

/**
 * One notice for one device ({@code push_deliveries}, V26); tenant-owned, under RLS. Only the delivery task
 * changes a row after it is queued, and db-scheduler runs one execution of a delivery at a time across
 * nodes, so the updates need no guard beyond the row's status.
 */
@Repository
public class PushDeliveryStore {

    /** Queued, sent, or given up. */
    public enum Status { QUEUED, SENT, FAILED }

    /** A delivery with what sending it needs: the device's endpoint and keys. */
    public record Row(UUID id, UUID noticeId, UUID subscriptionId, String endpoint, String p256dh, String auth,
                      String payload, String urgency, int ttlSeconds, Status status, int attempts, Integer lastStatus,
                      String lastError, Instant createdAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    public PushDeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a notice for a device; false when this notice was already queued for it (a replay). */
    public boolean queue(UUID tenantId, UUID id, UUID noticeId, UUID subscriptionId, String payload, String urgency,
                         int ttlSeconds, Instant now) {
        return jdbc.sql("insert into push_deliveries (id, tenant_id, notice_id, subscription_id, payload, urgency, "
                        + "ttl_seconds, status, created_at, next_attempt_at) values (:id, :tenant, :notice, :subscription, "
                        + ":payload, :urgency, :ttl, 'QUEUED', :now, :now) "
                        + "on conflict (tenant_id, notice_id, subscription_id) do nothing")
                .param("id", id).param("tenant", tenantId).param("notice", noticeId).param("subscription", subscriptionId)
                .param("payload", payload).param("urgency", urgency).param("ttl", ttlSeconds).param("now", at(now))
                .update() > 0;
    }

    public Optional<Row> find(UUID tenantId, UUID id) {
        return jdbc.sql(SELECT + " where d.tenant_id = :tenant and d.id = :id")
                .param("tenant", tenantId).param("id", id).query(PushDeliveryStore::row).optional();
    }

    /** The deliveries of a notice, one per device it was queued for. */
    public List<Row> ofNotice(UUID tenantId, UUID noticeId) {
        return jdbc.sql(SELECT + " where d.tenant_id = :tenant and d.notice_id = :notice order by d.created_at, d.id")
                .param("tenant", tenantId).param("notice", noticeId).query(PushDeliveryStore::row).list();
    }

    public void markSent(UUID tenantId, UUID id, int status, Instant at) {
        jdbc.sql("update push_deliveries set status = 'SENT', attempts = attempts + 1, last_status = :status, "
                        + "last_error = null, sent_at = :at where tenant_id = :tenant and id = :id and status = 'QUEUED'")
                .param("tenant", tenantId).param("id", id).param("status", status).param("at", at(at)).update();
    }

    /** Records a failed attempt; with {@code nextAttempt} null the delivery is given up. */
    public void markFailedAttempt(UUID tenantId, UUID id, Integer status, String error, Instant nextAttempt) {
        jdbc.sql("update push_deliveries set attempts = attempts + 1, last_status = :status, last_error = :error, "
                        + "status = case when cast(:next as timestamptz) is null then 'FAILED' else 'QUEUED' end, "
                        + "next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at) "
                        + "where tenant_id = :tenant and id = :id and status = 'QUEUED'")
                .param("tenant", tenantId).param("id", id).param("status", status)
                .param("error", error == null ? null : error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", nextAttempt == null ? null : at(nextAttempt)).update();
    }

    private static final String SELECT = "select d.id, d.notice_id, d.subscription_id, s.endpoint, s.p256dh, s.auth, "
            + "d.payload, d.urgency, d.ttl_seconds, d.status, d.attempts, d.last_status, d.last_error, d.created_at, "
            + "d.sent_at from push_deliveries d join push_subscriptions s on s.tenant_id = d.tenant_id "
            + "and s.id = d.subscription_id";

    private static Row row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new Row(rs.getObject("id", UUID.class), rs.getObject("notice_id", UUID.class),
                rs.getObject("subscription_id", UUID.class), rs.getString("endpoint"), rs.getString("p256dh"),
                rs.getString("auth"), rs.getString("payload"), rs.getString("urgency"), rs.getInt("ttl_seconds"),
                Status.valueOf(rs.getString("status")), rs.getInt("attempts"), (Integer) rs.getObject("last_status"),
                rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                sent == null ? null : sent.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
