package app.comptoir.payments.domain;

import app.comptoir.payments.PaymentStatus;

/**
 * Which status changes a payment accepts. A PENDING online payment ends SUCCEEDED, FAILED or EXPIRED; a payment
 * that failed or expired here may still turn SUCCEEDED, because the provider's word that money was taken wins
 * over ours (a checkout cancelled at the very moment the customer paid); a SUCCEEDED payment never goes back (a
 * refund is its own record). A change to the same status is not a change: replays and duplicates do nothing.
 */
public final class PaymentLifecycle {

    private PaymentLifecycle() {
    }

    /** Whether a payment in {@code from} moves to {@code to} (false also when it is already there). */
    public static boolean moves(PaymentStatus from, PaymentStatus to) {
        if (from == to) {
            return false;
        }
        return switch (from) {
            case PENDING -> true;
            case FAILED, EXPIRED -> to == PaymentStatus.SUCCEEDED;
            case SUCCEEDED -> false;
        };
    }
}
