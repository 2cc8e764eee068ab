package app.comptoir.inventory.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.CatalogStock;
import app.comptoir.catalog.StockAvailability;
import app.comptoir.inventory.VariantSoldOut;

/**
 * Inventory's side of the catalog's stock port: answers what is available per variant, and keeps the
 * catalog's read model of stock right ({@code in_stock} and the available quantity up to
 * {@link CatalogStock#CARD_STOCK_CAP}). {@link LevelStore} reports every change of a level here; only a change
 * of a level at or under the cap (a variant running low, out or restocked) recomputes the variant's figure, so
 * movements and reservations of well-stocked variants pay nothing for it. The same recomputation sees a variant's
 * last available unit leave, and publishes {@link VariantSoldOut} then.
 */
@Component
public class Availability implements StockAvailability {

    private final JdbcTemplate jdbc;
    private final CatalogStock catalog;
    private final ApplicationEventPublisher events;

    Availability(JdbcTemplate jdbc, CatalogStock catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    @Override
    public Map<UUID, Integer> available(UUID tenantId, Collection<UUID> variantIds) {
        Map<UUID, Integer> available = new HashMap<>();
        if (variantIds.isEmpty()) {
            return available;
        }
        jdbc.query("""
                select variant_id, sum(on_hand - reserved) from stock_levels
                 where tenant_id = ? and variant_id = any(?) group by variant_id""",
                rs -> {
                    available.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }, tenantId, variantIds.stream().distinct().toArray(UUID[]::new));
        return available;
    }

    /** A level of the variant changed by {@code availableChange}, leaving {@code after}. */
    void changed(UUID tenant, UUID variant, LevelStore.Level after, int availableChange) {
        if (availableChange == 0) {
            return;
        }
        // The lists of this node show available figures: they are rebuilt after this transaction.
        catalog.figuresChanged();
        int now = after.available();
        int before = now - availableChange;
        // The catalog's read model is the variant's available quantity over its locations, a location below zero
        // counting as zero, capped: it can only move when this level was or is between zero (excluded) and the cap.
        // A level that stays above the cap or at or below zero (the usual movement) costs nothing more.
        if (!moves(before) && !moves(now)
                && (before > CatalogStock.CARD_STOCK_CAP) == (now > CatalogStock.CARD_STOCK_CAP)) {
            return;
        }
        // Levels of two locations may change in concurrent transactions: this per-variant lock makes the later one
        // read the earlier one's committed levels, so the last figure written is the right one.
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { }, "in-stock:" + variant);
        Integer available = jdbc.queryForObject("""
                select coalesce(sum(greatest(on_hand - reserved, 0)), 0)::int from stock_levels
                 where tenant_id = ? and variant_id = ?""", Integer.class, tenant, variant);
        int total = available == null ? 0 : available;
        catalog.stockChanged(Map.of(variant, total));
        // This level had units available and the variant has none left: its last unit just left.
        if (before > 0 && total == 0) {
            events.publishEvent(new VariantSoldOut(tenant, variant));
        }
    }

    /** Whether a level with this much available counts, exactly, in the catalog's capped figure. */
    private static boolean moves(int available) {
        return available > 0 && available <= CatalogStock.CARD_STOCK_CAP;
    }
}
