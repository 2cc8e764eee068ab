package app.comptoir.notifications.application;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.notifications.domain.P256;
import app.comptoir.notifications.domain.PushEncryption;
import app.comptoir.notifications.domain.PushRetries;
import app.comptoir.notifications.persistence.PushDeliveryStore;
import app.comptoir.notifications.persistence.PushDeliveryStore.Row;
import app.comptoir.notifications.persistence.PushSubscriptionStore;
import app.comptoir.platform.TenantContext;

/**
 * Sends one queued delivery to its device's push service (RFC 8030): the payload encrypted for the device
 * (RFC 8291, fresh keys at each attempt), a VAPID token for the push service's origin (RFC 8292), the
 * {@code TTL} and {@code Urgency} headers. The push service's answer decides: 2xx sent; 404/410 the device
 * is gone, removed with what was queued for it; 429/5xx or no answer, another attempt later
 * ({@link PushRetries}); any other status given up with the reason. The HTTP call runs outside any
 * transaction, so a slow push service holds no database connection.
 */
@Component
class PushSender {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);

    /** What the delivery task does next. */
    sealed interface Outcome {
        /** Nothing more to do: sent, given up, or gone. */
        record Done() implements Outcome {
        }

        /** Try again at this time. */
        record RetryAt(Instant at) implements Outcome {
        }
    }

    private final PushDeliveryStore deliveries;
    private final PushSubscriptionStore subscriptions;
    private final VapidKeys vapid;
    private final TenantContext tenants;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String subject;
    private final HttpClient http;

    PushSender(PushDeliveryStore deliveries, PushSubscriptionStore subscriptions, VapidKeys vapid,
               TenantContext tenants, PlatformTransactionManager transactions, Clock clock,
               @Value("${comptoir.push.subject:mailto:notifications@comptoir.invalid}") String subject) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.tenants = tenants;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.subject = subject;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Makes one attempt at a delivery of a business. */
    Outcome send(UUID tenantId, UUID deliveryId) {
        return tenants.callAs(tenantId, () -> attempt(tenantId, deliveryId));
    }

    private Outcome attempt(UUID tenantId, UUID deliveryId) {
        Optional<Row> found = tx.execute(s -> deliveries.find(tenantId, deliveryId));
        if (found.isEmpty() || found.get().status() != PushDeliveryStore.Status.QUEUED) {
            return new Outcome.Done(); // sent already, given up, or its device was removed
        }
        Row delivery = found.get();
        Instant now = clock.instant();
        Instant expiresAt = delivery.createdAt().plusSeconds(delivery.ttlSeconds());
        if (now.isAfter(expiresAt)) {
            giveUp(tenantId, delivery, null, "expired before it could be sent");
            return new Outcome.Done();
        }
        URI endpoint = URI.create(delivery.endpoint());
        byte[] body = PushEncryption.encrypt(delivery.payload().getBytes(StandardCharsets.UTF_8),
                P256.publicKey(P256.fromBase64Url(delivery.p256dh())), P256.fromBase64Url(delivery.auth()));
        // TTL counts from now: what is left of the notice's life, so a late retry does not outlive it.
        long ttlLeft = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", vapid.current().authorization(endpoint, subject, now.plus(Duration.ofHours(12))))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("TTL", Long.toString(ttlLeft))
                .header("Urgency", delivery.urgency())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return retryOrGiveUp(tenantId, delivery, null, null, "push service unreachable: " + e.getMessage(), expiresAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return retryOrGiveUp(tenantId, delivery, null, null, "interrupted", expiresAt);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            Instant sentAt = clock.instant();
            tx.executeWithoutResult(s -> {
                deliveries.markSent(tenantId, delivery.id(), status, sentAt);
                subscriptions.markSuccess(tenantId, delivery.subscriptionId(), sentAt);
            });
            return new Outcome.Done();
        }
        if (status == 404 || status == 410) {
            log.info("Push service answered {} for device {}: removing it", status, delivery.subscriptionId());
            tx.executeWithoutResult(s -> subscriptions.delete(tenantId, delivery.subscriptionId()));
            return new Outcome.Done();
        }
        String reason = status + " " + excerpt(response.body());
        if (status == 429 || status >= 500) {
            return retryOrGiveUp(tenantId, delivery, status,
                    PushRetries.retryAfter(response.headers().firstValue("Retry-After").orElse(null), clock.instant()),
                    reason, expiresAt);
        }
        giveUp(tenantId, delivery, status, reason);
        return new Outcome.Done();
    }

    private Outcome retryOrGiveUp(UUID tenantId, Row delivery, Integer status, Duration retryAfter, String reason,
                                  Instant expiresAt) {
        Optional<Instant> next = PushRetries.next(delivery.attempts() + 1, clock.instant(), retryAfter, expiresAt);
        tx.executeWithoutResult(s -> deliveries.markFailedAttempt(tenantId, delivery.id(), status, reason,
                next.orElse(null)));
        if (next.isEmpty()) {
            log.warn("Push delivery {} given up after {} attempts: {}", delivery.id(), delivery.attempts() + 1, reason);
            return new Outcome.Done();
        }
        return new Outcome.RetryAt(next.get());
    }

    private void giveUp(UUID tenantId, Row delivery, Integer status, String reason) {
        log.warn("Push delivery {} failed: {}", delivery.id(), reason);
        tx.executeWithoutResult(s -> deliveries.markFailedAttempt(tenantId, delivery.id(), status, reason, null));
    }

    private static String excerpt(String body) {
        String plain = body == null ? "" : body.replaceAll("\\p{Cntrl}", " ").strip();
        return plain.length() > 200 ? plain.substring(0, 200) : plain;
    }
}
