package app.comptoir.notifications.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.notifications.domain.WebhookDelivery;
import app.comptoir.notifications.domain.WebhookEndpoint;

/**
 * The webhook endpoints (table {@code webhook_endpoints}, deleted ones kept for their log) and their delivery
 * log ({@code webhook_deliveries}). A delivery is inserted with {@code on conflict do nothing} on its id,
 * which is derived from the event and the endpoint: a replayed event inserts nothing. Only the delivery task
 * writes a delivery's outcome, and db-scheduler runs one execution of a delivery at a time.
 */
@Repository
public class WebhookStore {

    private static final String ENDPOINT = "id, url, description, events, enabled, secret, created_at, updated_at";
    private static final String DELIVERY = """
            id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, give_up_at, last_attempt_at,
            response_code, response_excerpt, error, created_at, delivered_at""";

    private final JdbcClient jdbc;

    public WebhookStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- endpoints

    public List<WebhookEndpoint> endpoints(UUID tenant) {
        return jdbc.sql("select " + ENDPOINT + " from webhook_endpoints where tenant_id = ? and deleted_at is null"
                        + " order by created_at, id")
                .param(tenant).query(WebhookStore::endpoint).list();
    }

    /** The enabled endpoints subscribed to the event type. */
    public List<WebhookEndpoint> subscribers(UUID tenant, String type) {
        return jdbc.sql("select " + ENDPOINT + " from webhook_endpoints where tenant_id = ? and deleted_at is null"
                        + " and enabled and ? = any(events) order by created_at, id")
                .params(tenant, type).query(WebhookStore::endpoint).list();
    }

    public Optional<WebhookEndpoint> endpoint(UUID tenant, UUID id) {
        return jdbc.sql("select " + ENDPOINT + " from webhook_endpoints where tenant_id = ? and id = ?"
                        + " and deleted_at is null")
                .params(tenant, id).query(WebhookStore::endpoint).optional();
    }

    public void insert(UUID tenant, WebhookEndpoint e, UUID by) {
        jdbc.sql("""
                insert into webhook_endpoints (id, tenant_id, url, description, events, enabled, secret, created_at,
                    created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), tenant, e.url(), e.description(), array(e.events()), e.enabled(), e.secret(),
                        Timestamp.from(e.createdAt()), by, Timestamp.from(e.updatedAt()), by)
                .update();
    }

    public void update(UUID tenant, WebhookEndpoint e, UUID by) {
        jdbc.sql("""
                update webhook_endpoints set url = ?, description = ?, events = ?::text[], enabled = ?, secret = ?,
                    updated_at = ?, updated_by = ?
                where tenant_id = ? and id = ? and deleted_at is null""")
                .params(e.url(), e.description(), array(e.events()), e.enabled(), e.secret(),
                        Timestamp.from(e.updatedAt()), by, tenant, e.id())
                .update();
    }

    public boolean delete(UUID tenant, UUID id, Instant at, UUID by) {
        return jdbc.sql("update webhook_endpoints set deleted_at = ?, deleted_by = ?, enabled = false"
                        + " where tenant_id = ? and id = ? and deleted_at is null")
                .params(Timestamp.from(at), by, tenant, id).update() == 1;
    }

    // ---------------------------------------------------------------- deliveries

    /** Inserts the delivery unless one has its id already; whether it was inserted. */
    public boolean insertDelivery(UUID tenant, UUID id, UUID endpoint, String type, String payload, Instant now,
                                  Instant giveUpAt) {
        return jdbc.sql("""
                insert into webhook_deliveries (id, tenant_id, endpoint_id, event_type, payload, status, attempts,
                    next_attempt_at, give_up_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                on conflict (id) do nothing""")
                .params(id, tenant, endpoint, type, payload, Timestamp.from(now), Timestamp.from(giveUpAt),
                        Timestamp.from(now))
                .update() == 1;
    }

    public Optional<WebhookDelivery> delivery(UUID tenant, UUID id) {
        return jdbc.sql("select " + DELIVERY + " from webhook_deliveries where tenant_id = ? and id = ?")
                .params(tenant, id).query(WebhookStore::delivery).optional();
    }

    /** The delivery if it is pending (db-scheduler runs one execution of a delivery at a time). */
    public Optional<WebhookDelivery> pending(UUID tenant, UUID id) {
        return jdbc.sql("select " + DELIVERY + " from webhook_deliveries where tenant_id = ? and id = ?"
                        + " and status = 'PENDING'")
                .params(tenant, id).query(WebhookStore::delivery).optional();
    }

    public List<WebhookDelivery> deliveries(UUID tenant, UUID endpoint, int offset, int limit) {
        return jdbc.sql("select " + DELIVERY + " from webhook_deliveries where tenant_id = ? and endpoint_id = ?"
                        + " order by created_at desc, id desc offset ? limit ?")
                .params(tenant, endpoint, offset, limit).query(WebhookStore::delivery).list();
    }

    public long countDeliveries(UUID tenant, UUID endpoint) {
        return jdbc.sql("select count(*) from webhook_deliveries where tenant_id = ? and endpoint_id = ?")
                .params(tenant, endpoint).query(Long.class).single();
    }

    /** Records an attempt's outcome: the new status, the next attempt (PENDING) and what the receiver said. */
    public void recordAttempt(UUID tenant, UUID id, WebhookDelivery.Status status, Instant at, Instant nextAttemptAt,
                              Integer responseCode, String excerpt, String error) {
        jdbc.sql("""
                update webhook_deliveries set status = ?, attempts = attempts + 1, last_attempt_at = ?,
                    next_attempt_at = ?, response_code = ?, response_excerpt = ?, error = ?,
                    delivered_at = case when ? = 'DELIVERED' then ? else delivered_at end
                where tenant_id = ? and id = ?""")
                .params(status.name(), Timestamp.from(at), nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt),
                        responseCode, excerpt, error, status.name(), Timestamp.from(at), tenant, id)
                .update();
    }

    /** Gives up a pending delivery without an attempt (its endpoint was deleted or disabled). */
    public void abandon(UUID tenant, UUID id, String error) {
        jdbc.sql("update webhook_deliveries set status = 'FAILED', next_attempt_at = null, error = ?"
                        + " where tenant_id = ? and id = ? and status = 'PENDING'")
                .params(error, tenant, id).update();
    }

    /** Makes the delivery pending again now, with a fresh retry window (a replay). */
    public boolean replay(UUID tenant, UUID id, Instant now, Instant giveUpAt) {
        return jdbc.sql("update webhook_deliveries set status = 'PENDING', next_attempt_at = ?, give_up_at = ?,"
                        + " delivered_at = null where tenant_id = ? and id = ?")
                .params(Timestamp.from(now), Timestamp.from(giveUpAt), tenant, id).update() == 1;
    }

    private static String array(List<String> values) {
        // A PostgreSQL array literal; event types are a fixed set of dotted words, checked before they get here.
        return "{" + String.join(",", values) + "}";
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new WebhookEndpoint(rs.getObject("id", UUID.class), rs.getString("url"), rs.getString("description"),
                Arrays.asList((String[]) events.getArray()), rs.getBoolean("enabled"), rs.getString("secret"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        Integer code = rs.getObject("response_code") == null ? null : rs.getInt("response_code");
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
                rs.getString("event_type"), rs.getString("payload"),
                WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "give_up_at"), instant(rs, "last_attempt_at"), code,
                rs.getString("response_excerpt"), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
