package app.comptoir.payments.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import app.comptoir.payments.PaymentSubject;

/** A checkout to create: for which business, payment and subject, how much, what for, where to come back, until when. */
public record CheckoutOrder(UUID tenantId, UUID paymentId, PaymentSubject subject, BigDecimal amount, String currency,
                            String description, String customerEmail, String successUrl, String cancelUrl,
                            Instant expiresAt) {
}
