package app.comptoir.payments;

/**
 * How a payment was made: online by card through a provider, or on site (recorded by staff). A mobile-money
 * provider adds {@code MOBILE_MONEY} (see {@code docs/payments.md}, "Adding a provider").
 */
public enum PaymentMethod {
    CARD_ONLINE,
    CASH,
    CARD_TERMINAL,
    TRANSFER,
    CHEQUE;

    /** Whether the payment goes through an online provider (and so is refunded through it). */
    public boolean online() {
        return this == CARD_ONLINE;
    }
}
