package app.comptoir.notifications.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import app.comptoir.notifications.persistence.PushDeliveryStore;
import app.comptoir.notifications.persistence.PushSubscriptionStore;
import app.comptoir.platform.Ids;

/**
 * The web push channel: a notice becomes one delivery row per device of its recipient, queued in the
 * dispatcher's transaction together with one execution of the delivery task ({@link PushDeliveryJob}), so
 * both commit or neither does; the task sends after the commit, on whichever node claims it, and a node
 * that stops in between leaves the row and the execution for the next one. A replayed notice (same id)
 * queues nothing: the row's unique key (notice, device) answers {@code on conflict do nothing}.
 */
@Service
public class PushDeliveries implements NotificationChannel {

    /** Keeps the encrypted message well under one 4 KiB record, whatever the alphabet of the text. */
    static final int MAX_PAYLOAD_BYTES = 3000;

    /** Event types someone should see at once (a driver given an order, a stock-out): sent with high urgency. */
    private static final Set<String> URGENT = Set.of("order.driver_assigned", "order.delivery_failed", "stock.out");

    private final PushSubscriptionStore subscriptions;
    private final PushDeliveryStore deliveries;
    private final SchedulerClient scheduler;
    private final JsonMapper json;
    private final Clock clock;
    private final int ttlSeconds;

    PushDeliveries(PushSubscriptionStore subscriptions, PushDeliveryStore deliveries, SchedulerClient scheduler,
                   JsonMapper json, Clock clock, @Value("${comptoir.push.ttl:PT24H}") java.time.Duration ttl) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
        this.ttlSeconds = (int) Math.min(Integer.MAX_VALUE, ttl.toSeconds());
    }

    @Override
    public Channel channel() {
        return Channel.PUSH;
    }

    @Override
    @Transactional
    public void deliver(Notice notice) {
        Instant now = clock.instant();
        String payload = payload(notice);
        String urgency = URGENT.contains(notice.type()) ? "high" : "normal";
        for (PushSubscriptionStore.Row device : subscriptions.ofUser(notice.tenantId(), notice.userId())) {
            UUID id = Ids.newId();
            if (deliveries.queue(notice.tenantId(), id, notice.id(), device.id(), payload, urgency, ttlSeconds, now)) {
                scheduler.scheduleIfNotExists(new TaskInstance<Void>(PushDeliveryJob.NAME,
                        PushDeliveryJob.instanceId(notice.tenantId(), id)), now);
            }
        }
    }

    /** The deliveries of a notice (one per device), for the tests and a future delivery log. */
    @Transactional(readOnly = true)
    public List<PushDeliveryStore.Row> ofNotice(UUID tenantId, UUID noticeId) {
        return deliveries.ofNotice(tenantId, noticeId);
    }

    /** {@code {title, body, link}}, the body shortened until the whole fits {@link #MAX_PAYLOAD_BYTES}. */
    String payload(Notice notice) {
        String title = shorten(notice.title() == null ? "" : notice.title(), 200);
        String body = notice.body() == null ? "" : notice.body();
        String link = notice.link() != null && notice.link().length() <= 1000 ? notice.link() : null;
        while (true) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", title);
            fields.put("body", body);
            fields.put("link", link);
            String text = json.writeValueAsString(fields);
            if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES || body.isEmpty()) {
                return text;
            }
            body = shorten(body, body.length() / 2);
        }
    }

    private static String shorten(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, Math.max(0, end - 1)) + "…";
    }
}
