package app.comptoir.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One payment as recorded: for what, how, through which provider ({@code stripe}, or {@code on-site}), how much,
 * where it stands, the staff's reference and note, when it was made and paid, and how much of it was refunded.
 */
public record PaymentView(UUID id, PaymentSubject subject, PaymentMethod method, String provider,
                          BigDecimal amount, String currency, PaymentStatus status, String reference, String note,
                          BigDecimal refunded, Instant createdAt, Instant paidAt, String recordedBy) {
}
