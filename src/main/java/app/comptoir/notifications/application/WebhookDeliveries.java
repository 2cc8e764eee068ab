package app.comptoir.notifications.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import app.comptoir.notifications.domain.WebhookBackoff;
import app.comptoir.notifications.domain.WebhookDelivery;
import app.comptoir.notifications.domain.WebhookEndpoint;
import app.comptoir.notifications.persistence.WebhookStore;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook deliveries of the current business: queuing an event for every endpoint subscribed to it (one
 * row and one db-scheduler execution each, in the caller's transaction), the delivery log, and replays.
 * Queuing is idempotent: a delivery's id is derived from the event's key and the endpoint, and an id already
 * stored is skipped, so the publication registry may replay an event without anything being sent twice.
 */
@Service
@Transactional
public class WebhookDeliveries {

    private final WebhookStore store;
    private final SchedulerClient scheduler;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final Clock clock;
    private final JsonMapper json;

    WebhookDeliveries(WebhookStore store, SchedulerClient scheduler, TenantContext tenantContext,
                      Permissions permissions, Clock clock, JsonMapper json) {
        this.store = store;
        this.scheduler = scheduler;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Queues the event for every enabled endpoint of the business subscribed to {@code type}. {@code key}
     * identifies the event (the same event always gives the same key; asked only when an endpoint is
     * subscribed); {@code data} is what the payload carries.
     * Returns how many deliveries were queued (0 for a replayed event).
     */
    public int queue(UUID tenant, String type, Supplier<String> key, Instant at, Object data) {
        List<WebhookEndpoint> endpoints = store.subscribers(tenant, type);
        if (endpoints.isEmpty()) {
            return 0;
        }
        String eventKey = key.get();
        int queued = 0;
        for (WebhookEndpoint endpoint : endpoints) {
            UUID id = UUID.nameUUIDFromBytes((endpoint.id() + "|" + type + "|" + eventKey)
                    .getBytes(StandardCharsets.UTF_8));
            if (insert(tenant, endpoint.id(), id, type, at, data)) {
                queued++;
            }
        }
        return queued;
    }

    /** Queues a test event ({@code webhook.test}) for the endpoint, whatever it subscribed to; its delivery id. */
    UUID queueTest(UUID tenant, WebhookEndpoint endpoint) {
        UUID id = Ids.newId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", "A test event sent from Comptoir's webhook settings.");
        data.put("endpointId", endpoint.id());
        insert(tenant, endpoint.id(), id, "webhook.test", clock.instant(), data);
        return id;
    }

    private boolean insert(UUID tenant, UUID endpoint, UUID id, String type, Instant at, Object data) {
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("type", type);
        payload.put("createdAt", at);
        payload.put("businessId", tenant);
        payload.put("data", data);
        boolean inserted = store.insertDelivery(tenant, id, endpoint, type, json.writeValueAsString(payload), now,
                now.plus(WebhookBackoff.WINDOW));
        if (inserted) {
            scheduler.scheduleIfNotExists(instance(tenant, id), now);
        }
        return inserted;
    }

    /** One page of an endpoint's delivery log, newest first. */
    @Transactional(readOnly = true)
    public PageResponse<WebhookDelivery> page(UUID endpointId, int page, int size) {
        permissions.require(Permission.SETTINGS_MANAGE);
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        UUID tenant = tenantContext.requireTenant();
        store.endpoint(tenant, endpointId).orElseThrow(() -> new NotFoundException("Webhook endpoint", endpointId));
        long total = store.countDeliveries(tenant, endpointId);
        List<WebhookDelivery> items = store.deliveries(tenant, endpointId, page * size, size);
        return new PageResponse<>(items, total, page, size);
    }

    /** One delivery. */
    @Transactional(readOnly = true)
    public WebhookDelivery get(UUID deliveryId) {
        permissions.require(Permission.SETTINGS_MANAGE);
        return store.delivery(tenantContext.requireTenant(), deliveryId)
                .orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
    }

    /**
     * Sends the delivery again, now, with its same event id (receivers recognise it) and a fresh 24 h retry
     * window, whatever its status. Refused (409) when its endpoint was deleted.
     */
    public WebhookDelivery replay(UUID deliveryId) {
        permissions.require(Permission.SETTINGS_MANAGE);
        UUID tenant = tenantContext.requireTenant();
        WebhookDelivery delivery = store.delivery(tenant, deliveryId)
                .orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
        if (store.endpoint(tenant, delivery.endpointId()).isEmpty()) {
            throw new ConflictException("webhook-endpoint-deleted", "The delivery's endpoint was deleted");
        }
        Instant now = clock.instant();
        store.replay(tenant, deliveryId, now, now.plus(WebhookBackoff.WINDOW));
        TaskInstance<Void> instance = instance(tenant, deliveryId);
        if (!scheduler.scheduleIfNotExists(instance, now)) {
            try {
                scheduler.reschedule(instance, now);
            } catch (RuntimeException e) {
                // The delivery is being attempted right now; that attempt's outcome stands.
                throw new ConflictException("webhook-delivery-in-progress",
                        "The delivery is being sent right now; try again in a moment");
            }
        }
        return store.delivery(tenant, deliveryId).orElseThrow();
    }

    private static TaskInstance<Void> instance(UUID tenant, UUID delivery) {
        return new TaskInstance<>(WebhookConfiguration.DELIVERY_TASK, tenant + ":" + delivery);
    }
}
