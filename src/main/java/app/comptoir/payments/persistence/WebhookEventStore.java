package app.comptoir.payments.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The provider notifications received ({@code payment_webhook_events}), keyed by the provider's event id.
 *
 * <p>Concurrency: {@link #claim} inserts the event's row in the transaction that applies it. A second delivery of
 * the same event waits on the first one's uncommitted row, then finds it ({@code on conflict do nothing}) and does
 * nothing; if the first transaction rolled back, the second one claims the event and applies it instead.
 */
@Repository
public class WebhookEventStore {

    private final JdbcClient jdbc;

    WebhookEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event as received; false when it was already (a replay or a duplicate delivery). */
    public boolean claim(UUID tenant, String provider, String eventId, String type, String objectId, Instant at) {
        return jdbc.sql("""
                        insert into payment_webhook_events (tenant_id, provider, event_id, event_type, object_id,
                          outcome, received_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'received', ?, ?, ?)
                        on conflict (tenant_id, provider, event_id) do nothing""")
                .params(tenant, provider, eventId, type, objectId, PaymentStore.ts(at), PaymentStore.ts(at),
                        PaymentStore.ts(at))
                .update() == 1;
    }

    /** What applying the event did ({@code applied}, {@code unchanged}, {@code unknown-payment}, {@code ignored}). */
    public void outcome(UUID tenant, String provider, String eventId, String outcome) {
        jdbc.sql("update payment_webhook_events set outcome = ? where tenant_id = ? and provider = ? and event_id = ?")
                .params(outcome, tenant, provider, eventId).update();
    }

    /** How many times the event was received and kept (0 or 1), for tests and support. */
    public int count(UUID tenant, String provider, String eventId) {
        return jdbc.sql("select count(*) from payment_webhook_events where tenant_id = ? and provider = ? and event_id = ?")
                .params(tenant, provider, eventId).query(Integer.class).single();
    }
}
