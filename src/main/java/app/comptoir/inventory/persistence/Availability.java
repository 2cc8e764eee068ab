package app.comptoir.inventory.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.comptoir.catalog.CatalogStock;
import app.comptoir.catalog.StockAvailability;

/**
 * Inventory's side of the catalog's stock port: answers what is available per variant, and keeps the
 * catalog's {@code in_stock} read model right. {@link LevelStore} reports every change of a level
 * here; only a change that makes a level's availability cross zero (rare: running out, restocking)
 * recomputes the variant's flag, so movements and reservations pay nothing for it otherwise.
 */
@Component
public class Availability implements StockAvailability {

    private final JdbcTemplate jdbc;
    private final CatalogStock catalog;

    Availability(JdbcTemplate jdbc, CatalogStock catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
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
        boolean was = after.available() - availableChange > 0;
        if (was == after.available() > 0) {
            return;
        }
        // A variant is in stock while some location has something available. Levels of two locations
        // may cross zero in concurrent transactions: this per-variant lock makes the later one read the
        // earlier one's committed levels, so the last flag written is the right one.
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> { }, "in-stock:" + variant);
        Boolean inStock = jdbc.queryForObject("""
                select coalesce(bool_or(on_hand - reserved > 0), false) from stock_levels
                 where tenant_id = ? and variant_id = ?""", Boolean.class, tenant, variant);
        catalog.inStockChanged(List.of(variant), Boolean.TRUE.equals(inStock));
    }
}
