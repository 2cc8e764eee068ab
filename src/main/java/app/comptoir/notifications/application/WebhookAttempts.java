package app.comptoir.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.notifications.domain.WebhookBackoff;
import app.comptoir.notifications.domain.WebhookDelivery;
import app.comptoir.notifications.domain.WebhookEndpoint;
import app.comptoir.notifications.persistence.WebhookStore;
import app.comptoir.platform.TenantContext;

/**
 * One attempt at a delivery, as the delivery task runs it: read the delivery and its endpoint, send (outside
 * any transaction: no database connection is held while a receiver takes its time), then record what came
 * of it and when to try again ({@link WebhookBackoff}). A 2xx answer delivers; anything else is retried until
 * the 24 h window closes, then the delivery is FAILED.
 */
@Component
class WebhookAttempts {

    private static final Logger log = LoggerFactory.getLogger(WebhookAttempts.class);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookAttempts(WebhookStore store, WebhookSender sender, TenantContext tenantContext,
                    PlatformTransactionManager txManager, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
    }

    private record Work(WebhookDelivery delivery, WebhookEndpoint endpoint) {
    }

    /** Attempts the delivery; returns when to try again, or empty when it is done (delivered, failed, gone). */
    Optional<Instant> attempt(UUID tenant, UUID deliveryId) {
        Work work = tenantContext.callAs(tenant, () -> tx.execute(status -> {
            Optional<WebhookDelivery> delivery = store.pending(tenant, deliveryId);
            if (delivery.isEmpty()) {
                return null;
            }
            Optional<WebhookEndpoint> endpoint = store.endpoint(tenant, delivery.get().endpointId());
            if (endpoint.isEmpty() || !endpoint.get().enabled()) {
                store.abandon(tenant, deliveryId, endpoint.isEmpty() ? "endpoint deleted" : "endpoint disabled");
                return null;
            }
            return new Work(delivery.get(), endpoint.get());
        }));
        if (work == null) {
            return Optional.empty();
        }
        WebhookDelivery d = work.delivery();
        WebhookSender.Outcome outcome = sender.send(work.endpoint().url(), work.endpoint().secret(), d.id(),
                d.eventType(), d.payload());
        Instant now = clock.instant();
        Optional<Instant> next = outcome.delivered() ? Optional.empty()
                : WebhookBackoff.nextAttempt(d.attempts() + 1, now, d.giveUpAt());
        WebhookDelivery.Status status = outcome.delivered() ? WebhookDelivery.Status.DELIVERED
                : next.isPresent() ? WebhookDelivery.Status.PENDING : WebhookDelivery.Status.FAILED;
        tenantContext.runAs(tenant, () -> tx.executeWithoutResult(s -> store.recordAttempt(tenant, deliveryId, status,
                now, next.orElse(null), outcome.code(), clean(outcome.excerpt(), WebhookSender.EXCERPT),
                clean(outcome.error(), 500))));
        if (!outcome.delivered()) {
            log.info("Webhook delivery {} ({}) attempt {} failed: {}", deliveryId, d.eventType(), d.attempts() + 1,
                    outcome.code() != null ? "HTTP " + outcome.code() : outcome.error());
        }
        return next;
    }

    /** PostgreSQL refuses NUL in text; a receiver's answer may hold anything. */
    private static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\u0000', ' ');
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
