package app.comptoir.reporting.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.comptoir.payments.PaymentFigures;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.SalesFigures;

/** The figures of the sales dashboard over a period (dates inclusive, in the business's time zone). */
public final class SalesReport {

    private SalesReport() {
    }

    /** The period asked for and the previous one of equal length, right before it. */
    public record Period(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String currency) {
    }

    /** Revenue net and gross, the previous period's and the change in % (null when the previous one is zero). */
    public record Revenue(BigDecimal net, BigDecimal gross, BigDecimal previousNet, BigDecimal previousGross,
                          BigDecimal netChangePercent, BigDecimal grossChangePercent) {
    }

    /** One day: sold orders, revenue net and gross after the day's returns. */
    public record Day(LocalDate day, long orders, BigDecimal net, BigDecimal gross) {
    }

    /** A product's units and net revenue over the period. */
    public record ProductSales(UUID productId, String name, long quantity, BigDecimal net) {
    }

    /** The top products by units sold and by net revenue. */
    public record TopProducts(List<ProductSales> byQuantity, List<ProductSales> byRevenue) {
    }

    /** Units and net revenue of one top-level category (null: products without a category). */
    public record CategorySales(UUID categoryId, String name, long quantity, BigDecimal net) {
    }

    /** Average sold order: gross and net of the period's sold orders (before returns) divided by their number. */
    public record AverageBasket(long orders, BigDecimal net, BigDecimal gross) {
    }

    /**
     * A driver's deliveries over the period: per day, in total, and the share delivered on the day the
     * order went out ({@code onTimePercent}, one decimal).
     */
    public record DriverStats(UUID driverId, String name, long delivered, long sameDay, BigDecimal onTimePercent,
                              List<SalesFigures.DriverDay> days) {
    }

    /**
     * Money to collect and money in, now (whatever the period): what is left to collect on orders out for delivery
     * (the drivers' cash) and delivered, and what today brought in per payment method, in the business's zone.
     */
    public record Payments(SalesFigures.ToCollect toCollect, PaymentFigures.Takings today) {
    }

    /** Everything the dashboard page shows, in one answer. */
    public record Summary(Period period, Revenue revenue, List<Day> salesPerDay, Map<OrderStatus, Long> orders,
                          TopProducts topProducts, List<CategorySales> salesPerCategory,
                          StockReport.StockState stockState, AverageBasket averageBasket) {
    }
}
