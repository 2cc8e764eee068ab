package app.comptoir.inventory.demo;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.CatalogStock;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.Tenants;
import app.comptoir.inventory.StockLocation;
import app.comptoir.inventory.StockLocations;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.domain.StockLevel;
import app.comptoir.inventory.domain.StockRules;
import app.comptoir.inventory.domain.Thresholds;
import app.comptoir.platform.Ids;
import app.comptoir.platform.DemoProgress;
import app.comptoir.platform.TenantContext;

/**
 * Stocks the demo businesses' catalogs: two months of deterministic history (a receipt, then exits
 * over the last weeks), thresholds on part of the range, and the alerts they cause. Runs in bulk, in
 * the same after-commit phase as the catalog's demo data and after it (its order is just after the
 * catalog's), before the demo loaders that keep the default, lowest order (channels, purchasing, sales: the
 * channels' sales on Vinted take their units out of this stock), and does nothing for a business that
 * already has movements.
 */
@Component
class DemoStock {

    private static final Logger log = LoggerFactory.getLogger(DemoStock.class);
    private static final String WAREHOUSE_SHOP = "jardin-des-lilas";
    /** The level rules a new business starts with (see AlertRule): on, without thresholds of their own. */
    private static final Map<AlertType, Integer> DEFAULT_RULES = defaultRules();

    private final CatalogQueries catalog;
    private final CatalogStock catalogStock;
    private final StockLocations locations;
    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DemoProgress progress;
    private final Tenants tenants;

    DemoStock(CatalogQueries catalog, CatalogStock catalogStock, StockLocations locations, JdbcTemplate jdbc,
              TenantContext tenantContext, PlatformTransactionManager transactionManager, Clock clock,
              DemoProgress progress, Tenants tenants) {
        this.progress = progress;
        this.tenants = tenants;
        this.catalog = catalog;
        this.catalogStock = catalogStock;
        this.locations = locations;
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    void seed(TenantCreated event) {
        if (!event.demo()) {
            return;
        }
        UUID tenant = event.tenantId();
        if (tenantContext.callAs(tenant, () -> tenants.current().supplier())) {
            return; // a registered supplier keeps no shop stock: its catalog is the purchasing module's
        }
        long start = System.nanoTime();
        Integer levels = tenantContext.callAs(tenant, () -> tx.execute(status -> {
            Boolean stocked = jdbc.queryForObject("select exists (select 1 from stock_movements where tenant_id = ?)",
                    Boolean.class, tenant);
            return Boolean.TRUE.equals(stocked) ? 0 : stock(tenant, event.slug());
        }));
        if (levels != null && levels > 0) {
            log.info("Demo stock of {}: {} stock levels ({} ms)", event.slug(), levels,
                    (System.nanoTime() - start) / 1_000_000);
        }
        if (WAREHOUSE_SHOP.equals(event.slug())) {
            progress.reach(35); // the garden shop's catalog and stock: about a third of the demo's loading time
        }
    }

    private int stock(UUID tenant, String slug) {
        List<VariantSummary> variants = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch = catalog.variants("", page, 200);
            variants.addAll(batch.items());
            if ((long) (page + 1) * 200 >= batch.total()) {
                break;
            }
        }
        if (variants.isEmpty()) {
            log.info("Demo stock of {}: no catalog to stock", slug);
            return 0;
        }
        StockLocation shop = locations.defaultLocation();
        StockLocation warehouse = WAREHOUSE_SHOP.equals(slug) ? locations.create("Entrepôt", false) : null;
        Random random = new Random(slug.hashCode());
        Instant now = clock.instant();
        boolean oneOff = "seconde-main".equals(slug);
        List<Object[]> movements = new ArrayList<>();
        List<Object[]> levels = new ArrayList<>();
        List<Object[]> thresholds = new ArrayList<>();
        List<Object[]> alertRows = new ArrayList<>();
        Map<UUID, Integer> available = new LinkedHashMap<>();
        for (VariantSummary v : variants) {
            int received = oneOff ? 1 : 6 + random.nextInt(40);
            Instant receivedAt = now.minus(Duration.ofDays(45 + random.nextInt(20)));
            int onHand = received;
            movements.add(movement(tenant, v.id(), "RECEIPT", received, shop.id(), received, "Stock initial", receivedAt));
            int exits = oneOff ? random.nextInt(2) : random.nextInt(4);
            for (int i = 0; i < exits && onHand > 0; i++) {
                int quantity = Math.min(onHand, 1 + random.nextInt(oneOff ? 1 : 4));
                onHand -= quantity;
                boolean sale = random.nextInt(4) > 0;
                movements.add(movement(tenant, v.id(), sale ? "SALE" : "ISSUE", -quantity, shop.id(), onHand,
                        sale ? null : "Casse", now.minus(Duration.ofHours(1 + random.nextInt(28 * 24)))));
            }
            levels.add(new Object[] {tenant, v.id(), shop.id(), onHand, Timestamp.from(now)});
            available.put(v.id(), Math.max(onHand, 0));
            if (warehouse != null && random.nextInt(5) == 0) {
                int stored = 10 + random.nextInt(60);
                movements.add(movement(tenant, v.id(), "RECEIPT", stored, warehouse.id(), stored, "Stock initial",
                        receivedAt));
                levels.add(new Object[] {tenant, v.id(), warehouse.id(), stored, Timestamp.from(now)});
                available.merge(v.id(), stored, Integer::sum);
            }
            Thresholds watched = Thresholds.none();
            if (!oneOff && random.nextInt(3) == 0) {
                int alertLevel = 3 + random.nextInt(6);
                watched = Thresholds.watched(alertLevel, alertLevel + 60, alertLevel + 2);
                thresholds.add(new Object[] {Ids.newId(), tenant, v.id(), alertLevel, alertLevel + 60, alertLevel + 2,
                        12 + random.nextInt(3) * 12, 3 + random.nextInt(10), Timestamp.from(now), Timestamp.from(now)});
            }
            // The alerts the detector would have raised at the shop along the way, by the same rules.
            for (Map.Entry<AlertType, Integer> raised
                    : StockRules.conditions(new StockLevel(onHand, 0), watched, DEFAULT_RULES).entrySet()) {
                alertRows.add(alert(tenant, raised.getKey().name(), raised.getKey().severity(), v.id(), shop.id(),
                        onHand, raised.getValue(), now.minus(Duration.ofHours(1 + random.nextInt(72)))));
            }
        }
        jdbc.batchUpdate("""
                insert into stock_movements (id, tenant_id, variant_id, type, quantity, location_id, balance_after, reason,
                  occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", movements,
                // Explicit types: a null reason would otherwise make the driver describe the statement row by row.
                new int[] {Types.OTHER, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.INTEGER, Types.OTHER,
                        Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP});
        jdbc.batchUpdate("""
                insert into stock_levels (tenant_id, variant_id, location_id, on_hand, reserved, updated_at)
                values (?, ?, ?, ?, 0, ?)""", levels);
        jdbc.batchUpdate("""
                insert into stock_thresholds (id, tenant_id, variant_id, alert_level, overstock_level, reorder_point,
                  reorder_quantity, lead_time_days, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                thresholds);
        jdbc.batchUpdate("""
                insert into stock_alerts (id, tenant_id, type, severity, state, variant_id, location_id, available,
                  threshold, raised_at) values (?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?)""", alertRows);
        jdbc.update("""
                update stock_levels l set open_alerts = array(
                        select a.type::text from stock_alerts a
                         where a.tenant_id = l.tenant_id and a.variant_id = l.variant_id and a.location_id = l.location_id
                           and a.resolved_at is null order by a.type)
                 where l.tenant_id = ? and exists (select 1 from stock_alerts a where a.tenant_id = l.tenant_id
                         and a.variant_id = l.variant_id and a.location_id = l.location_id and a.resolved_at is null)""",
                tenant);
        // The levels were written in bulk, past LevelStore: tell the catalog what each variant has available.
        catalogStock.stockChanged(available);
        return levels.size();
    }

    private static Map<AlertType, Integer> defaultRules() {
        Map<AlertType, Integer> rules = new EnumMap<>(AlertType.class);
        AlertType.LEVEL_TYPES.forEach(type -> rules.put(type, null));
        return rules;
    }

    private static Object[] alert(UUID tenant, String type, String severity, UUID variant, UUID location,
                                  int available, int threshold, Instant at) {
        return new Object[] {Ids.newId(), tenant, type, severity, variant, location, available, threshold,
                Timestamp.from(at)};
    }

    private static Object[] movement(UUID tenant, UUID variant, String type, int quantity, UUID location, int balance,
                                     String reason, Instant at) {
        return new Object[] {Ids.newId(), tenant, variant, type, quantity, location, balance, reason, Timestamp.from(at)};
    }
}
