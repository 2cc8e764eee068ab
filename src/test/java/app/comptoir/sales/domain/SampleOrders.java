package app.comptoir.sales.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;

/** Orders for the unit tests, built without a database. */
final class SampleOrders {

    static final UUID TENANT = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private SampleOrders() {
    }

    /** A line of {@code quantity} × 10.00 EUR at 20 % VAT, {@code returned} already back. */
    static LineView line(int quantity, int returned) {
        BigDecimal price = new BigDecimal("10.00");
        return new LineView(UUID.randomUUID(), UUID.randomUUID(), "SKU-" + quantity, "Article", quantity, price,
                new BigDecimal("0.00"), new BigDecimal("20"), Pricing.lineNet(quantity, price, BigDecimal.ZERO, "EUR"),
                returned);
    }

    static Order draft(LineView... lines) {
        Order order = Order.draft(TENANT, UUID.randomUUID(), new CustomerRef(UUID.randomUUID(), "Client", "0600000000"),
                null, Arrays.asList(lines), new BigDecimal("0.00"), null, "EUR", false, null, NOW);
        order.numbered("CMD-2026-000001");
        return order;
    }

    /** An order as stored in the given status. */
    static Order in(OrderStatus status, LineView... lines) {
        return in(status, BigDecimal.ZERO, lines);
    }

    static Order in(OrderStatus status, BigDecimal refunded, LineView... lines) {
        return Order.restore(TENANT, UUID.randomUUID(), "CMD-2026-000002", status,
                new CustomerRef(UUID.randomUUID(), "Client", "0600000000"), null, new BigDecimal("0.00"), null, "EUR",
                false, refunded.setScale(2), UUID.randomUUID(), "Livreur", null, NOW, NOW, 3, List.of(lines));
    }
}
