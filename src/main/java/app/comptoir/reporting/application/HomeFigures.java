package app.comptoir.reporting.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.inventory.StockFigures;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.Money;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.SalesFigures;

/**
 * Today's work for the home page, read through the other modules' published figures: the orders waiting
 * (to confirm, to prepare, out for delivery), the stock-outs and the open alerts by severity (the very
 * query of the alerts page, so both always agree), and today's sales against the same weekday last week,
 * days taken in the business's time zone. Four statements, whatever the size of the business.
 */
@Service
@Transactional(readOnly = true)
public class HomeFigures {

    /** The severities, most urgent first. */
    static final List<String> SEVERITIES = List.of("CRITICAL", "WARNING", "INFO");

    /**
     * What the home page shows. {@code toConfirm}: draft orders; {@code toPrepare}: confirmed ones;
     * {@code preparing}; {@code outForDelivery}; {@code stockOuts}: open OUT_OF_STOCK alerts (a variant with
     * nothing available at a location); {@code alerts}: open alerts per severity, most urgent first (every
     * severity present); {@code today}/{@code lastWeek}: the sales of today and of the same weekday a week ago.
     */
    public record Today(LocalDate day, String currency, long toConfirm, long toPrepare, long preparing,
                        long outForDelivery, long stockOuts, Map<String, Long> alerts, Sales today, Sales lastWeek) {

        /** All open alerts together. */
        public long openAlerts() {
            return alerts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A day's sales: orders gone out that day and their gross, less the day's refunds (docs/reporting.md). */
    public record Sales(LocalDate day, long orders, BigDecimal gross) {
    }

    private final SalesFigures sales;
    private final StockFigures stock;
    private final Tenants tenants;
    private final BusinessTime businessTime;
    private final Permissions permissions;

    HomeFigures(SalesFigures sales, StockFigures stock, Tenants tenants, BusinessTime businessTime,
                Permissions permissions) {
        this.sales = sales;
        this.stock = stock;
        this.tenants = tenants;
        this.businessTime = businessTime;
        this.permissions = permissions;
    }

    /** Today's work of the current business (those who may read its figures: every role but DRIVER by default). */
    public Today today() {
        permissions.require(Permission.READ);
        String currency = tenants.current().currency();
        ZoneId zone = businessTime.zone();
        LocalDate today = businessTime.today();
        Map<OrderStatus, Long> orders = sales.openOrders();
        Map<String, Long> alerts = new LinkedHashMap<>();
        SEVERITIES.forEach(s -> alerts.put(s, 0L));
        long stockOuts = 0;
        for (StockFigures.AlertCount count : stock.openAlerts()) {
            alerts.merge(count.severity(), count.count(), Long::sum);
            if ("OUT_OF_STOCK".equals(count.type())) {
                stockOuts += count.count();
            }
        }
        List<SalesFigures.DaySales> days = sales.daily(today.minusWeeks(1), today, zone, Money.decimals(currency));
        return new Today(today, currency, orders.getOrDefault(OrderStatus.DRAFT, 0L),
                orders.getOrDefault(OrderStatus.CONFIRMED, 0L), orders.getOrDefault(OrderStatus.PREPARING, 0L),
                orders.getOrDefault(OrderStatus.OUT_FOR_DELIVERY, 0L), stockOuts, alerts, sales(days.getLast()),
                sales(days.getFirst()));
    }

    /**
     * The number of stock-outs: open OUT_OF_STOCK alerts, a variant with nothing available at a location
     * (the home page, the alerts page and the statistics pages all show this one number).
     */
    public long stockOuts() {
        return stock.openAlerts().stream().filter(c -> "OUT_OF_STOCK".equals(c.type()))
                .mapToLong(StockFigures.AlertCount::count).sum();
    }

    private static Sales sales(SalesFigures.DaySales day) {
        return new Sales(day.day(), day.orders(), day.gross());
    }
}
