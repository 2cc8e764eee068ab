package app.comptoir.payments;

/**
 * The life of one refund: an on-site refund is {@link #SUCCEEDED} when recorded; an online one is what the
 * provider answers ({@link #PENDING} until it confirms). Pending and succeeded refunds count as refunded.
 */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
