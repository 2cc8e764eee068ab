package app.comptoir.payments.domain;

import java.math.BigDecimal;

import app.comptoir.payments.PaymentState;

/**
 * The rule behind a subject's {@link PaymentState}, from what is due, what was paid (succeeded payments) and what
 * was given back: nothing kept and nothing ever paid is UNPAID; something paid and all of it given back is
 * REFUNDED; a net at least the due is PAID (a subject cancelled to 0 after being paid stays PAID: the money is
 * still held until it is refunded); any other net above zero is PARTLY_PAID.
 */
public final class PaymentStates {

    private PaymentStates() {
    }

    /** The state of a subject. */
    public static PaymentState of(BigDecimal due, BigDecimal paid, BigDecimal refunded) {
        BigDecimal net = paid.subtract(refunded);
        if (net.signum() <= 0) {
            return paid.signum() > 0 ? PaymentState.REFUNDED : PaymentState.UNPAID;
        }
        return net.compareTo(due) >= 0 ? PaymentState.PAID : PaymentState.PARTLY_PAID;
    }
}
