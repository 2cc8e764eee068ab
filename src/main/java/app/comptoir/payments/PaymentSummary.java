package app.comptoir.payments;

import java.math.BigDecimal;

/**
 * What is due on a subject, what was paid (succeeded payments) and refunded, and the resulting state. A subject
 * never expected is {@link PaymentState#UNPAID} with nothing due.
 */
public record PaymentSummary(PaymentSubject subject, String currency, BigDecimal due, BigDecimal paid,
                             BigDecimal refunded, PaymentState state) {

    /** What was paid and kept: paid less refunded. */
    public BigDecimal net() {
        return paid.subtract(refunded);
    }

    /** What is still to collect: the due less the net paid, never below zero (the driver's "amount to collect"). */
    public BigDecimal toCollect() {
        return due.subtract(net()).max(BigDecimal.ZERO);
    }
}
