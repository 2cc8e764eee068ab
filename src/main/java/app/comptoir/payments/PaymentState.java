package app.comptoir.payments;

/**
 * Where a subject stands, from what is due and what was paid net of refunds: nothing paid, part of it, all of
 * it, or something paid and all of it given back. A partial refund leaves {@link #PAID} or {@link #PARTLY_PAID}
 * by the net amount.
 */
public enum PaymentState {
    UNPAID,
    PARTLY_PAID,
    PAID,
    REFUNDED
}
