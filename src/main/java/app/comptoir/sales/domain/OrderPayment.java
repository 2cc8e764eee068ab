package app.comptoir.sales.domain;

import java.math.BigDecimal;

import app.comptoir.payments.PaymentState;
import app.comptoir.payments.PaymentSummary;
import app.comptoir.platform.Money;
import app.comptoir.sales.OrderStatus;

/**
 * Where an order stands with its payment: its state (unpaid, partly paid, paid, refunded), what it owes, what was
 * paid and refunded, and what is left to collect. Read from payments' summary of the order, with one rule of
 * sales: an order confirmed before payments existed (payments never heard of it: nothing due, paid or refunded)
 * owes what {@link OrderDue} says, and payments is told so the first time someone collects, sends a link or
 * refunds (the lazy expectation, see {@code docs/sales.md}).
 */
public record OrderPayment(PaymentState state, BigDecimal due, BigDecimal paid, BigDecimal refunded,
                           BigDecimal toCollect) {

    /** The order's payment from payments' summary, its status, its total and what its returns credited. */
    public static OrderPayment of(PaymentSummary summary, OrderStatus status, BigDecimal gross, BigDecimal credited) {
        BigDecimal due = summary.due();
        if (neverExpected(summary)) {
            due = OrderDue.of(status, gross, credited).orElse(due);
        }
        BigDecimal net = summary.paid().subtract(summary.refunded());
        return new OrderPayment(summary.state(), due, summary.paid(), summary.refunded(),
                due.subtract(net).max(BigDecimal.ZERO));
    }

    /** The payment of an order that owes nothing and was paid nothing (a draft), in the currency's decimals. */
    public static OrderPayment nothing(String currency) {
        BigDecimal zero = Money.zero(currency).amount();
        return new OrderPayment(PaymentState.UNPAID, zero, zero, zero, zero);
    }

    /** Whether payments never heard of the order (nothing due, nothing paid or refunded). */
    public static boolean neverExpected(PaymentSummary summary) {
        return summary.due().signum() == 0 && summary.paid().signum() == 0 && summary.refunded().signum() == 0;
    }

    /** Whether the order is settled: something was owed and nothing is left to collect. */
    public boolean settled() {
        return toCollect.signum() == 0 && (due.signum() > 0 || paid.signum() > 0);
    }

    /** What was paid and kept: paid less refunded. */
    public BigDecimal net() {
        return paid.subtract(refunded);
    }

    /** What was paid beyond what the order owes now (after a return or a cancellation): what may be given back. */
    public BigDecimal overpaid() {
        return net().subtract(due).max(BigDecimal.ZERO);
    }

    /** Whether an order in this status shows its payment: once confirmed and not cancelled, or once paid. */
    public boolean shownFor(OrderStatus status) {
        return status != OrderStatus.DRAFT && status != OrderStatus.CANCELLED || paid.signum() > 0;
    }
}
