package app.comptoir.payments;

import java.util.UUID;

/**
 * An online payment did not happen: its checkout expired, was cancelled or failed ({@code reason}: {@code expired},
 * {@code cancelled}, {@code failed}). Published after commit.
 */
public record PaymentFailed(UUID tenantId, UUID paymentId, PaymentSubject subject, String reason) {
}
