package app.comptoir.reporting.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogFigures.VariantFacts;
import app.comptoir.catalog.CatalogFigures;
import app.comptoir.identity.Tenants;
import app.comptoir.payments.PaymentFigures;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.PageResponse;
import app.comptoir.reporting.application.SalesReport.AverageBasket;
import app.comptoir.reporting.application.SalesReport.CategorySales;
import app.comptoir.reporting.application.SalesReport.Day;
import app.comptoir.reporting.application.SalesReport.Period;
import app.comptoir.reporting.application.SalesReport.ProductSales;
import app.comptoir.reporting.application.SalesReport.Revenue;
import app.comptoir.reporting.application.SalesReport.Summary;
import app.comptoir.reporting.application.SalesReport.TopProducts;
import app.comptoir.reporting.domain.Departments;
import app.comptoir.sales.OrderStatus;
import app.comptoir.sales.SalesFigures.DaySales;
import app.comptoir.sales.SalesFigures.VariantSales;
import app.comptoir.sales.SalesFigures;

/**
 * The sales dashboard: revenue against the previous period, sales per day, orders per status, top
 * products and categories, average basket and the stock state, from the sales, catalog and inventory
 * public APIs. Periods default to the last 30 days, today included, in the business's time zone.
 */
@Service
@Transactional(readOnly = true)
public class SalesDashboard {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 731;
    public static final int DEFAULT_TOP = 5;

    private final SalesFigures sales;
    private final CatalogFigures catalog;
    private final CatalogSnapshots snapshots;
    private final StockStatistics stock;
    private final Tenants tenants;
    private final SummaryCache cache;
    private final BusinessTime businessTime;
    private final PaymentFigures payments;

    SalesDashboard(SalesFigures sales, CatalogFigures catalog, CatalogSnapshots snapshots, StockStatistics stock,
                   Tenants tenants, SummaryCache cache, BusinessTime businessTime, PaymentFigures payments) {
        this.payments = payments;
        this.sales = sales;
        this.catalog = catalog;
        this.snapshots = snapshots;
        this.stock = stock;
        this.tenants = tenants;
        this.cache = cache;
        this.businessTime = businessTime;
    }

    /** The period from {@code from} to {@code to} (either may be null: the last 30 days up to today). */
    public Period period(LocalDate from, LocalDate to) {
        LocalDate today = businessTime.today();
        LocalDate end = to == null ? (from == null ? today : from.plusDays(DEFAULT_DAYS - 1L)) : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : from;
        if (end.isBefore(start)) {
            throw InvalidInputException.field("to", "must be on or after from");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw InvalidInputException.field("from", "the period must be at most " + MAX_DAYS + " days");
        }
        return new Period(start, end, start.minusDays(days), start.minusDays(1), tenants.current().currency());
    }

    public Revenue revenue(Period period) {
        ZoneId zone = zone();
        return revenue(daily(period, zone), daily(period.previousFrom(), period.previousTo(), period.currency(), zone));
    }

    private static Revenue revenue(List<DaySales> currentDays, List<DaySales> previousDays) {
        Day current = total(currentDays);
        Day previous = total(previousDays);
        return new Revenue(current.net(), current.gross(), previous.net(), previous.gross(),
                change(current.net(), previous.net()), change(current.gross(), previous.gross()));
    }

    public List<Day> salesPerDay(Period period) {
        return salesPerDay(daily(period, zone()));
    }

    private static List<Day> salesPerDay(List<DaySales> days) {
        return days.stream().map(d -> new Day(d.day(), d.orders(), d.net(), d.gross())).toList();
    }

    public Map<OrderStatus, Long> orders(Period period) {
        return sales.ordersByStatus(period.from(), period.to(), zone());
    }

    public TopProducts topProducts(Period period, int top) {
        checkTop(top);
        return topProducts(variantSales(period, zone()), snapshots.current().facts(), top);
    }

    private static void checkTop(int top) {
        if (top < 1 || top > 100) {
            throw InvalidInputException.field("top", "must be between 1 and 100");
        }
    }

    private static TopProducts topProducts(List<VariantSales> variantSales, Map<UUID, VariantFacts> facts, int top) {
        Map<UUID, long[]> quantities = new HashMap<>();
        Map<UUID, BigDecimal> revenue = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (VariantSales v : variantSales) {
            VariantFacts f = facts.get(v.variantId());
            UUID product = f == null ? v.variantId() : f.productId();
            names.putIfAbsent(product, f == null ? "?" : f.productName());
            quantities.computeIfAbsent(product, p -> new long[1])[0] += v.quantity();
            revenue.merge(product, v.net(), BigDecimal::add);
        }
        List<ProductSales> all = quantities.keySet().stream().map(p -> new ProductSales(p, names.get(p),
                quantities.get(p)[0], revenue.get(p))).filter(p -> p.quantity() > 0 || p.net().signum() > 0).toList();
        return new TopProducts(
                all.stream().sorted(Comparator.comparingLong(ProductSales::quantity).reversed()
                        .thenComparing(ProductSales::name)).limit(top).toList(),
                all.stream().sorted(Comparator.comparing(ProductSales::net).reversed()
                        .thenComparing(ProductSales::name)).limit(top).toList());
    }

    public List<CategorySales> salesPerCategory(Period period) {
        return salesPerCategory(variantSales(period, zone()), snapshots.current());
    }

    private static List<CategorySales> salesPerCategory(List<VariantSales> variantSales,
                                                        CatalogSnapshots.Snapshot catalog) {
        Map<UUID, VariantFacts> facts = catalog.facts();
        Departments departments = catalog.departments();
        Map<UUID, Object[]> byCategory = new LinkedHashMap<>();
        for (VariantSales v : variantSales) {
            VariantFacts f = facts.get(v.variantId());
            UUID category = f == null ? null : departments.of(f.categoryId());
            Object[] acc = byCategory.computeIfAbsent(category, c -> new Object[] {0L, BigDecimal.ZERO});
            acc[0] = (long) acc[0] + v.quantity();
            acc[1] = ((BigDecimal) acc[1]).add(v.net());
        }
        List<CategorySales> result = new ArrayList<>();
        byCategory.forEach((id, acc) -> result.add(new CategorySales(id, departments.name(id),
                (long) acc[0], (BigDecimal) acc[1])));
        result.sort(Comparator.comparing(CategorySales::net).reversed()
                .thenComparing(c -> c.name() == null ? "" : c.name()));
        return result;
    }

    public AverageBasket averageBasket(Period period) {
        return averageBasket(daily(period, zone()), period.currency());
    }

    private static AverageBasket averageBasket(List<DaySales> days, String currency) {
        long orders = 0;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (DaySales d : days) {
            orders += d.orders();
            net = net.add(d.soldNet());
            gross = gross.add(d.soldGross());
        }
        int scale = Money.decimals(currency);
        return orders == 0 ? new AverageBasket(0, BigDecimal.ZERO.setScale(scale), BigDecimal.ZERO.setScale(scale))
                : new AverageBasket(orders, net.divide(BigDecimal.valueOf(orders), scale, RoundingMode.HALF_UP),
                        gross.divide(BigDecimal.valueOf(orders), scale, RoundingMode.HALF_UP));
    }

    /** Orders created in the period with their lines, newest first. */
    public PageResponse<SalesFigures.OrderDetail> orderDetails(Period period, int page, int size) {
        return sales.orderDetails(period.from(), period.to(), zone(), page, size);
    }

    /** Deliveries per driver (most deliveries first) with their days and same-day rate. */
    public List<SalesReport.DriverStats> drivers(Period period) {
        Map<String, List<SalesFigures.DriverDay>> byDriver = new LinkedHashMap<>();
        for (SalesFigures.DriverDay d : sales.deliveries(period.from(), period.to(), zone())) {
            byDriver.computeIfAbsent(d.driverId() + "/" + d.driverName(), k -> new ArrayList<>()).add(d);
        }
        List<SalesReport.DriverStats> result = new ArrayList<>();
        byDriver.values().forEach(days -> {
            long delivered = days.stream().mapToLong(SalesFigures.DriverDay::delivered).sum();
            long sameDay = days.stream().mapToLong(SalesFigures.DriverDay::sameDay).sum();
            result.add(new SalesReport.DriverStats(days.getFirst().driverId(), days.getFirst().driverName(), delivered,
                    sameDay, BigDecimal.valueOf(sameDay * 100).divide(BigDecimal.valueOf(delivered), 1,
                    RoundingMode.HALF_UP), days));
        });
        result.sort(Comparator.comparingLong(SalesReport.DriverStats::delivered).reversed()
                .thenComparing(SalesReport.DriverStats::name));
        return result;
    }

    /**
     * What is left to collect on orders out for delivery or delivered, and today's takings per payment method: not
     * cached (a payment recorded a second ago shows), three statements.
     */
    public SalesReport.Payments payments() {
        return new SalesReport.Payments(sales.toCollect(Money.decimals(tenants.current().currency())),
                payments.takings(null));
    }

    public StockReport.StockState stockState() {
        return stock.state();
    }

    /**
     * Every figure of the dashboard; each input (sales per day, per variant, the catalog) is read once. Kept
     * in the {@link SummaryCache} until an order or the catalog changes (the versions are read before the
     * figures, so a change committed meanwhile makes the next read compute them again).
     */
    public Summary summary(Period period, int top) {
        checkTop(top);
        ZoneId zone = zone();
        SummaryCache.Key key = new SummaryCache.Key(tenants.current().id(), period.from(), period.to(),
                period.currency(), zone.getId(), top, sales.version(), catalog.version());
        return cache.get(key, () -> {
            List<DaySales> days = daily(period, zone);
            List<VariantSales> variantSales = variantSales(period, zone);
            CatalogSnapshots.Snapshot catalogNow = snapshots.current();
            return new Summary(period,
                    revenue(days, daily(period.previousFrom(), period.previousTo(), period.currency(), zone)),
                    salesPerDay(days), sales.ordersByStatus(period.from(), period.to(), zone),
                    topProducts(variantSales, catalogNow.facts(), top), salesPerCategory(variantSales, catalogNow),
                    stock.state(catalogNow), averageBasket(days, period.currency()));
        });
    }

    private List<DaySales> daily(Period period, ZoneId zone) {
        return daily(period.from(), period.to(), period.currency(), zone);
    }

    private List<DaySales> daily(LocalDate from, LocalDate to, String currency, ZoneId zone) {
        return sales.daily(from, to, zone, Money.decimals(currency));
    }

    private List<VariantSales> variantSales(Period period, ZoneId zone) {
        return sales.perVariant(period.from(), period.to(), zone, Money.decimals(period.currency()));
    }

    private ZoneId zone() {
        return businessTime.zone();
    }

    private static Day total(List<DaySales> days) {
        long orders = 0;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (DaySales d : days) {
            orders += d.orders();
            net = net.add(d.net());
            gross = gross.add(d.gross());
        }
        return new Day(null, orders, net, gross);
    }

    /** The change from the previous figure in %, one decimal; none when there is nothing to compare with. */
    private static BigDecimal change(BigDecimal current, BigDecimal previous) {
        if (previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), 1, RoundingMode.HALF_UP);
    }
}
