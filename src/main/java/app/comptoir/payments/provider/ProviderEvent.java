package app.comptoir.payments.provider;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import app.comptoir.payments.PaymentStatus;
import app.comptoir.payments.RefundStatus;

/**
 * A provider's webhook, read and verified, in the module's words. Every event has the provider's event id (the key
 * of deduplication) and type. The ids we gave the provider (business, payment, refund) come back in its metadata.
 */
public sealed interface ProviderEvent {

    String id();

    String type();

    /** The provider's id of the object the event is about (a session, a refund), for the log. */
    String objectId();

    /** A checkout was paid: the payment succeeded. */
    record CheckoutPaid(String id, String type, String sessionId, UUID tenantId, UUID paymentId,
                        String providerPaymentId, BigDecimal amount, String currency) implements ProviderEvent {
        @Override
        public String objectId() {
            return sessionId;
        }
    }

    /** A checkout ended without payment: {@code status} is EXPIRED or FAILED. */
    record CheckoutEnded(String id, String type, String sessionId, UUID tenantId, UUID paymentId, PaymentStatus status,
                         String reason) implements ProviderEvent {
        @Override
        public String objectId() {
            return sessionId;
        }
    }

    /** Refunds were made or changed at the provider (by us, or from its dashboard). */
    record RefundsChanged(String id, String type, String objectId, List<RefundChange> refunds) implements ProviderEvent {
    }

    /** An event the module does not act on (answered 200 so the provider stops sending it). */
    record Other(String id, String type, String objectId) implements ProviderEvent {
    }

    /** One refund as the provider sees it; {@code refundId} is ours when we made it. */
    record RefundChange(String providerRefundId, String providerPaymentId, UUID tenantId, UUID refundId,
                        BigDecimal amount, String currency, RefundStatus status) {
    }
}
