package app.comptoir.payments;

/**
 * The life of one payment: an online checkout is {@link #PENDING} until the provider says it succeeded, failed
 * or expired; a payment recorded on site is {@link #SUCCEEDED} at once. Only succeeded payments count as paid.
 */
public enum PaymentStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    EXPIRED
}
