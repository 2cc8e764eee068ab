package app.comptoir.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductChanged;
import app.comptoir.catalog.ProductView;
import app.comptoir.inventory.StockAlertRaised;
import app.comptoir.notifications.domain.WebhookEventType;
import app.comptoir.platform.TenantContext;
import app.comptoir.sales.OrderCancelled;
import app.comptoir.sales.OrderConfirmed;
import app.comptoir.sales.OrderCreated;
import app.comptoir.sales.OrderDelivered;
import app.comptoir.sales.OrderSentOut;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the other modules' events into webhook deliveries, after their transaction committed (the persistent
 * publication registry resubmits an event whose handling did not complete, e.g. after a crash). Each event
 * gets a key that is the same every time it is handled (the order and the event's time, the alert, the
 * product's version), so a resubmitted event finds its deliveries already queued. The order events that also make
 * notices (created, confirmed, delivered, cancelled) come through {@link Notices}' listeners.
 */
@Component
class WebhookEvents {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final WebhookDeliveries deliveries;
    private final CatalogQueries catalog;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;

    WebhookEvents(WebhookDeliveries deliveries, CatalogQueries catalog, TenantContext tenantContext,
                  PlatformTransactionManager txManager, Clock clock, JsonMapper json) {
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.json = json;
    }

    /** Called by {@link Notices}' listener of the event (one publication for both reactions). */
    void orderCreated(OrderCreated e) {
        queue(e.tenantId(), WebhookEventType.ORDER_CREATED, () -> e.orderId().toString(), e.at(), e);
    }

    /** Called by {@link Notices}' listener of the event (one publication for both reactions). */
    void orderConfirmed(OrderConfirmed e) {
        queue(e.tenantId(), WebhookEventType.ORDER_CONFIRMED, () -> e.orderId() + "|" + e.at(), e.at(), e);
    }

    @ApplicationModuleListener(id = "notifications.webhooks.order-sent-out", propagation = Propagation.NOT_SUPPORTED)
    void on(OrderSentOut e) {
        queue(e.tenantId(), WebhookEventType.ORDER_OUT_FOR_DELIVERY, () -> e.orderId() + "|" + e.at(), e.at(), e);
    }

    /** Called by {@link Notices}' listener of the event (one publication for both reactions). */
    void orderDelivered(OrderDelivered e) {
        queue(e.tenantId(), WebhookEventType.ORDER_DELIVERED, () -> e.orderId() + "|" + e.at(), e.at(), e);
    }

    /** Called by {@link Notices}' listener of the event (one publication for both reactions). */
    void orderCancelled(OrderCancelled e) {
        queue(e.tenantId(), WebhookEventType.ORDER_CANCELLED, () -> e.orderId() + "|" + e.at(), e.at(), e);
    }

    @ApplicationModuleListener(id = "notifications.webhooks.stock-alert", propagation = Propagation.NOT_SUPPORTED)
    void on(StockAlertRaised e) {
        queue(e.tenantId(), WebhookEventType.STOCK_ALERT, () -> e.alertId().toString(), null, e);
    }

    /**
     * A product change has no time of its own: an update is keyed on the product's version as read now, so two
     * updates in quick succession may reach a receiver as one (it reads the product's current state anyway).
     */
    @ApplicationModuleListener(id = "notifications.webhooks.product-changed", propagation = Propagation.NOT_SUPPORTED)
    void on(ProductChanged e) {
        queue(e.tenantId(), WebhookEventType.PRODUCT_CHANGED, () -> e.productId() + "|" + e.change()
                + (e.change() == ProductChanged.Change.UPDATED
                ? "|" + catalog.product(e.productId()).map(ProductView::version).map(String::valueOf).orElse("gone")
                : ""), null, e);
    }

    private void queue(java.util.UUID tenant, WebhookEventType type, Supplier<String> key, Instant at, Object event) {
        Map<String, Object> data = json.convertValue(event, MAP);
        data.remove("tenantId");
        tenantContext.runAs(tenant, () -> tx.executeWithoutResult(status ->
                deliveries.queue(tenant, type.type(), key, at == null ? clock.instant() : at, data)));
    }
}
