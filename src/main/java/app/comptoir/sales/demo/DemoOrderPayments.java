package app.comptoir.sales.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.payments.PaymentImports;
import app.comptoir.payments.PaymentMethod;
import app.comptoir.payments.PaymentSubject;
import app.comptoir.platform.Money;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.application.OrderView;
import app.comptoir.sales.application.Orders;
import app.comptoir.sales.domain.HistoryEntry;
import app.comptoir.sales.domain.OrderReturn;

/**
 * The payments of the demo businesses' live orders (the ones made through the sales services, whose dues payments
 * already knows from their confirmation), dated as their history was: most delivered orders paid at the door on
 * the card terminal or in cash, some by transfer when confirmed; one delivered order in six not paid yet (a
 * transfer announced) and one paid in part (a deposit); the order taken back in full refunded; orders out for
 * delivery unpaid (the driver's cash to collect) but the first, paid by transfer; a deposit on an order being
 * prepared, one confirmed order paid at the counter. Deterministic: by each order's rank in its status. Written
 * through payments' import, in one go, so that the dates are the orders' and not the demo's start.
 */
@Component
class DemoOrderPayments {

    private final Orders orders;
    private final PaymentImports imports;

    DemoOrderPayments(Orders orders, PaymentImports imports) {
        this.orders = orders;
        this.imports = imports;
    }

    /** Pays the orders (in the order they were made), as of {@code now}. */
    void pay(List<UUID> ids, Instant now) {
        Map<OrderStatus, Integer> ranks = new EnumMap<>(OrderStatus.class);
        List<PaymentImports.Paid> paid = new ArrayList<>();
        String currency = null;
        Instant latest = now.minus(Duration.ofMinutes(1));
        for (UUID id : ids) {
            OrderView order = orders.get(id);
            currency = order.currency();
            int rank = ranks.merge(order.status(), 1, Integer::sum) - 1;
            BigDecimal gross = order.totals().gross();
            Instant confirmed = at(order, OrderStatus.CONFIRMED);
            Instant advance = confirmed == null ? null : min(confirmed.plus(Duration.ofMinutes(50)), latest);
            PaymentSubject subject = PaymentSubject.order(id);
            switch (order.status()) {
                case DELIVERED -> {
                    if (rank % 6 == 5) {
                        continue;
                    }
                    if (rank % 6 == 3) {
                        paid.add(new PaymentImports.Paid(subject, PaymentMethod.TRANSFER, share(gross, "0.3", currency),
                                advance, "Acompte " + order.number(), BigDecimal.ZERO, null, null));
                        continue;
                    }
                    PaymentMethod method = List.of(PaymentMethod.CARD_TERMINAL, PaymentMethod.CASH,
                            PaymentMethod.CARD_TERMINAL, PaymentMethod.TRANSFER).get(rank % 4);
                    Instant when = method == PaymentMethod.TRANSFER ? advance : at(order, OrderStatus.DELIVERED);
                    Instant returned = order.returns().stream().map(OrderReturn::at).max(Instant::compareTo).orElse(null);
                    BigDecimal refunded = order.refunded() == null ? BigDecimal.ZERO : order.refunded().min(gross);
                    paid.add(new PaymentImports.Paid(subject, method, gross, when,
                            method == PaymentMethod.TRANSFER ? "VIR " + order.number() : null, refunded,
                            refunded.signum() > 0 ? max(returned, when) : null,
                            refunded.signum() > 0 ? "Retour sur la commande " + order.number() : null));
                }
                case OUT_FOR_DELIVERY -> {
                    if (rank == 0) {
                        paid.add(new PaymentImports.Paid(subject, PaymentMethod.TRANSFER, gross, advance,
                                "VIR " + order.number(), BigDecimal.ZERO, null, null));
                    }
                }
                case PREPARING -> {
                    if (rank == 0) {
                        paid.add(new PaymentImports.Paid(subject, PaymentMethod.CHEQUE, share(gross, "0.3", currency),
                                advance, "Chèque n° " + (4_000_100 + paid.size()), BigDecimal.ZERO, null, null));
                    }
                }
                case CONFIRMED -> {
                    if (rank == 1) {
                        paid.add(new PaymentImports.Paid(subject, PaymentMethod.CARD_TERMINAL, gross, advance, null,
                                BigDecimal.ZERO, null, null));
                    }
                }
                default -> {
                    // drafts and cancelled orders owe nothing
                }
            }
        }
        if (currency != null && !paid.isEmpty()) {
            imports.importHistory(currency, List.of(), paid);
        }
    }

    /** When the order reached the status (its first time), or null. */
    private static Instant at(OrderView order, OrderStatus status) {
        return order.history().stream().filter(h -> h.status() == status && h.step() == null).map(HistoryEntry::at)
                .findFirst().orElse(null);
    }

    private static BigDecimal share(BigDecimal gross, String part, String currency) {
        return Money.round(gross.multiply(new BigDecimal(part)), currency).max(Money.round(BigDecimal.ONE, currency));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : a.isAfter(b) ? a : b;
    }
}
