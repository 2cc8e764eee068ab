package app.comptoir.reporting.application;

import java.math.BigDecimal;
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
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.inventory.StockFigures.VariantTotal;
import app.comptoir.inventory.StockFigures;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.reporting.application.StockReport.CategoryStock;
import app.comptoir.reporting.application.StockReport.ProductValue;
import app.comptoir.reporting.application.StockReport.SlowMover;
import app.comptoir.reporting.application.StockReport.StockState;
import app.comptoir.reporting.domain.Departments;

/**
 * Computes the stock statistics of the current business from the catalog's and the inventory's
 * figures (five statements in all, whatever the size of the catalog). Values are on-hand units times the variant's cost; variants
 * without a cost are counted apart rather than valued at zero silently.
 */
@Service
@Transactional(readOnly = true)
public class StockStatistics {

    static final int MAX_DAYS = 366;
    private static final int TOP_PRODUCTS = 10;
    private static final int SLOW_MOVERS_SHOWN = 50;

    private final StockFigures stock;
    private final CatalogSnapshots catalog;
    private final Tenants tenants;
    private final BusinessTime businessTime;

    StockStatistics(StockFigures stock, CatalogSnapshots catalog, Tenants tenants, BusinessTime businessTime) {
        this.stock = stock;
        this.catalog = catalog;
        this.tenants = tenants;
        this.businessTime = businessTime;
    }

    /**
     * The report for today in the business's time zone: flows over the last {@code flowDays} days
     * (today included) and slow movers without an outgoing movement for {@code slowDays} days.
     */
    public StockReport report(int flowDays, int slowDays) {
        if (flowDays < 1 || flowDays > MAX_DAYS) {
            throw InvalidInputException.field("days", "must be between 1 and " + MAX_DAYS);
        }
        if (slowDays < 1 || slowDays > MAX_DAYS) {
            throw InvalidInputException.field("slowDays", "must be between 1 and " + MAX_DAYS);
        }
        return report(flowDays, slowDays, catalog.current());
    }

    private StockReport report(int flowDays, int slowDays, CatalogSnapshots.Snapshot snapshot) {
        TenantProfile tenant = tenants.current();
        ZoneId zone = businessTime.zone();
        LocalDate today = businessTime.today();
        Map<UUID, VariantFacts> facts = snapshot.facts();
        Departments departments = snapshot.departments();

        int out = 0;
        int low = 0;
        int overstock = 0;
        int healthy = 0;
        int withoutCost = 0;
        long units = 0;
        BigDecimal value = BigDecimal.ZERO;
        Map<UUID, CategoryAccumulator> byCategory = new LinkedHashMap<>();
        Map<UUID, ProductAccumulator> byProduct = new HashMap<>();
        List<SlowMover> slow = new ArrayList<>();
        for (VariantTotal total : stock.variantTotals()) {
            VariantFacts f = facts.get(total.variantId());
            if (f == null) {
                continue; // a deleted variant's leftover level: not part of the catalog any more
            }
            switch (total.status()) {
                case OUT -> out++;
                case LOW -> low++;
                case OVERSTOCK -> overstock++;
                case OK -> healthy++;
            }
            int onHand = Math.max(0, total.onHand());
            BigDecimal variantValue = f.cost() == null ? BigDecimal.ZERO : f.cost().multiply(BigDecimal.valueOf(onHand));
            if (onHand > 0 && f.cost() == null) {
                withoutCost++;
            }
            units += onHand;
            value = value.add(variantValue);
            UUID dept = departments.of(f.categoryId());
            byCategory.computeIfAbsent(dept, d -> new CategoryAccumulator()).add(onHand, variantValue);
            byProduct.computeIfAbsent(f.productId(), p -> new ProductAccumulator(f.productName()))
                    .add(onHand, variantValue);
            if (onHand > 0) {
                LocalDate last = total.lastOutgoingAt() == null ? null
                        : LocalDate.ofInstant(total.lastOutgoingAt(), zone);
                if (last == null || last.isBefore(today.minusDays(slowDays - 1L))) {
                    slow.add(new SlowMover(f.variantId(), f.sku(), f.productName(), onHand, variantValue, last,
                            last == null ? null : ChronoUnit.DAYS.between(last, today)));
                }
            }
        }
        List<CategoryStock> categories = new ArrayList<>();
        byCategory.forEach((id, acc) -> categories.add(new CategoryStock(id, departments.name(id),
                acc.units, acc.value, acc.variants)));
        categories.sort(Comparator.comparing(CategoryStock::value).reversed()
                .thenComparing(c -> c.name() == null ? "" : c.name()));
        List<ProductValue> top = byProduct.entrySet().stream()
                .map(e -> new ProductValue(e.getKey(), e.getValue().name, e.getValue().units, e.getValue().value))
                .filter(p -> p.units() > 0)
                .sorted(Comparator.comparing(ProductValue::value).reversed().thenComparing(ProductValue::name))
                .limit(TOP_PRODUCTS).toList();
        // Worth most first: the money asleep on the shelf is what the owner acts on.
        slow.sort(Comparator.comparing(SlowMover::value).reversed().thenComparing(SlowMover::sku));
        return new StockReport(today, tenant.currency(),
                new StockState(out, low, overstock, healthy, units, value, withoutCost), categories,
                stock.dailyFlows(today.minusDays(flowDays - 1L), today, zone), top, slowDays,
                slow.subList(0, Math.min(SLOW_MOVERS_SHOWN, slow.size())), slow.size());
    }

    /** Today's stock state (status counts, units, value at cost). */
    public StockReport.StockState state() {
        return report(1, 30).state();
    }

    /** Today's stock state, from the catalog already read by the caller. */
    StockReport.StockState state(CatalogSnapshots.Snapshot snapshot) {
        return report(1, 30, snapshot).state();
    }

    private static final class CategoryAccumulator {
        long units;
        BigDecimal value = BigDecimal.ZERO;
        int variants;

        void add(int onHand, BigDecimal v) {
            units += onHand;
            value = value.add(v);
            variants++;
        }
    }

    private static final class ProductAccumulator {
        final String name;
        long units;
        BigDecimal value = BigDecimal.ZERO;

        ProductAccumulator(String name) {
            this.name = name;
        }

        void add(int onHand, BigDecimal v) {
            units += onHand;
            value = value.add(v);
        }
    }
}
