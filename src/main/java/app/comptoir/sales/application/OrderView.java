package app.comptoir.sales.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.domain.AddressSnapshot;
import app.comptoir.sales.domain.CustomerRef;
import app.comptoir.sales.domain.HistoryEntry;
import app.comptoir.sales.domain.LineView;
import app.comptoir.sales.domain.OrderPayment;
import app.comptoir.sales.domain.OrderReturn;
import app.comptoir.sales.domain.Totals;

/**
 * An order as the API returns it. {@code next} lists the statuses it may move to now; {@code history} is
 * oldest first; {@code refunded} is the total of its returns' refunds; {@code pricesIncludeVat}: its unit
 * prices and delivery fee include VAT (TTC) or exclude it (HT), for its whole life; {@code payment}: where its
 * payment stands (state, due, paid, refunded, to collect).
 */
public record OrderView(UUID id, String number, OrderStatus status, CustomerRef customer,
                        AddressSnapshot deliveryAddress, List<LineView> lines, BigDecimal deliveryFee, Totals totals,
                        String currency, boolean pricesIncludeVat, String notes, DriverRef driver, UUID quoteId, BigDecimal refunded,
                        List<OrderReturn> returns, List<HistoryEntry> history, List<OrderStatus> next,
                        Instant createdAt, Instant updatedAt, long version, OrderPayment payment) {
}
