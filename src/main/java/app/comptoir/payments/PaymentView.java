package app.comptoir.payments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One payment as recorded: for what, how, through which provider ({@code stripe}, or {@code on-site}), how much,
 * where it stands, the staff's reference and note, how much of it was refunded, when it was made and paid, and
 * who recorded it (a user id, or the system actor for what a provider confirmed).
 */
public record PaymentView(UUID id, PaymentSubject subject, PaymentMethod method, String provider,
                          BigDecimal amount, String currency, PaymentStatus status, String reference, String note,
                          BigDecimal refunded, Instant createdAt, Instant paidAt, UUID recordedBy) {
}
