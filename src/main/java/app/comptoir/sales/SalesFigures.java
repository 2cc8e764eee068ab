package app.comptoir.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.platform.PageResponse;

/**
 * Sales figures for dashboards, aggregated in PostgreSQL (by {@code persistence.JdbcSalesFigures}). The rules (see {@code docs/reporting.md}):
 * an order is a <em>sale</em> once it has gone out for delivery and as long as it is out for delivery
 * or delivered (a cancelled order never counts), on the day it first went out; a return is deducted on
 * the day it is recorded: its refund from the gross, the net share of the returned units from the net
 * and their quantities from the products.
 */
public interface SalesFigures {

    /** What was sold and returned on one day: sold orders, their net and gross, and the returns deducted. */
    public record DaySales(LocalDate day, long orders, BigDecimal soldNet, BigDecimal soldGross,
                           BigDecimal returnedNet, BigDecimal refunded) {

        /** Net revenue of the day: sales less the net of the returns. */
        public BigDecimal net() {
            return soldNet.subtract(returnedNet);
        }

        /** Gross revenue of the day: sales less the refunds. */
        public BigDecimal gross() {
            return soldGross.subtract(refunded);
        }
    }

    /** A variant bought in the same orders as others, and in how many of those orders. */
    public record BoughtWith(UUID variantId, long orders) {
    }

    /** Units and net revenue of one variant over a period (sold less returned; delivery fees excluded). */
    public record VariantSales(UUID variantId, long quantity, BigDecimal net) {
    }

    /** An order created in the period with its lines (for the dashboard's order details). */
    public record OrderDetail(UUID id, String number, OrderStatus status, String customerName, Instant createdAt,
                              String driverName, BigDecimal net, BigDecimal gross, BigDecimal refunded,
                              List<DetailLine> lines) {
    }

    /** One line of an {@link OrderDetail}. */
    public record DetailLine(UUID variantId, String sku, String label, int quantity, BigDecimal unitPrice,
                             BigDecimal discount, BigDecimal net, int returnedQuantity) {
    }

    /**
     * Orders a driver delivered on one day; {@code sameDay}: those delivered on the day they went out for
     * delivery (orders carry no promised date yet, so that is what "on time" means here).
     */
    public record DriverDay(UUID driverId, String driverName, LocalDate day, long delivered, long sameDay) {
    }

    /**
     * What is left to collect on orders that left the shop and are not paid in full: out for delivery (the drivers'
     * cash to bring back) and delivered, how many and how much (VAT included). Orders payments never heard of (from
     * before payments existed) are not counted.
     */
    public record ToCollect(long outForDelivery, BigDecimal outForDeliveryAmount, long delivered,
                            BigDecimal deliveredAmount) {

        public long orders() {
            return outForDelivery + delivered;
        }

        public BigDecimal amount() {
            return outForDeliveryAmount.add(deliveredAmount);
        }
    }

    /**
     * A number that moves whenever an order of the current tenant changes (created, edited, moved along its
     * workflow, returned, deleted) and the change is committed on this node: figures computed under one
     * version may be kept until it moves.
     */
    long version();

    /** Every day from {@code from} to {@code to} (inclusive, in the zone), zeros included. */
    List<DaySales> daily(LocalDate from, LocalDate to, ZoneId zone, int scale);

    /** Units and net revenue per variant over the period, sold less returned. */
    List<VariantSales> perVariant(LocalDate from, LocalDate to, ZoneId zone, int scale);

    /**
     * What customers bought with these variants: the other variants on the orders that count as sales (not
     * cancelled) and hold one of them, with in how many such orders, most first (then by id); at most {@code limit}.
     */
    List<BoughtWith> boughtWith(java.util.Collection<UUID> variantIds, int limit);

    /** Orders created in the period, counted by their current status (every status present). */
    Map<OrderStatus, Long> ordersByStatus(LocalDate from, LocalDate to, ZoneId zone);

    /**
     * The orders waiting for the business now, whenever they were created: how many are in each of the
     * statuses before delivery ({@code DRAFT}: to confirm, {@code CONFIRMED}: to prepare, {@code PREPARING},
     * {@code OUT_FOR_DELIVERY}), every one of them present (zeros included). One statement.
     */
    Map<OrderStatus, Long> openOrders();

    /** Orders created in the period, newest first, each with its lines (three statements a page). */
    PageResponse<OrderDetail> orderDetails(LocalDate from, LocalDate to, ZoneId zone, int page, int size);

    /** Deliveries per driver and day of delivery over the period (orders delivered and still delivered). */
    List<DriverDay> deliveries(LocalDate from, LocalDate to, ZoneId zone);

    /** What is left to collect on the orders out for delivery or delivered (two statements). */
    ToCollect toCollect(int scale);
}
