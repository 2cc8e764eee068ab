package app.comptoir.inventory.application;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.VariantSummary;
import app.comptoir.inventory.domain.Reorder;
import app.comptoir.platform.TenantContext;

/** What to reorder: variants at or under their reorder point (all locations together), most urgent first. */
@Service
@Transactional(readOnly = true)
public class ReorderSuggestions {

    private final JdbcTemplate jdbc;
    private final TenantContext tenantContext;
    private final CatalogQueries catalog;
    private final Clock clock;

    ReorderSuggestions(JdbcTemplate jdbc, TenantContext tenantContext, CatalogQueries catalog, Clock clock) {
        this.jdbc = jdbc;
        this.tenantContext = tenantContext;
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<ReorderSuggestion> all() {
        UUID tenant = tenantContext.requireTenant();
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(Reorder.WINDOW_DAYS)));
        List<ReorderSuggestion> rows = jdbc.query("""
                with totals as (select variant_id, sum(on_hand - reserved) as available from stock_levels
                                 where tenant_id = ? group by variant_id),
                     outgoing as (select variant_id, -sum(quantity) as quantity from stock_movements
                                   where tenant_id = ? and type in ('ISSUE', 'SALE') and occurred_at >= ?
                                   group by variant_id)
                select t.variant_id, coalesce(s.available, 0) as available, t.reorder_point, t.reorder_quantity,
                       t.lead_time_days, coalesce(o.quantity, 0) as out_quantity
                  from stock_thresholds t
                  left join totals s on s.variant_id = t.variant_id
                  left join outgoing o on o.variant_id = t.variant_id
                 where t.tenant_id = ? and t.reorder_point is not null and coalesce(s.available, 0) <= t.reorder_point
                 order by coalesce(s.available, 0) - t.reorder_point, t.variant_id""", (rs, i) -> {
            int available = rs.getInt("available");
            int reorderPoint = rs.getInt("reorder_point");
            Integer reorderQuantity = (Integer) rs.getObject("reorder_quantity");
            int leadTime = Reorder.leadTime((Integer) rs.getObject("lead_time_days"));
            BigDecimal perDay = Reorder.averageDailyOut(rs.getLong("out_quantity"));
            return new ReorderSuggestion(rs.getObject("variant_id", UUID.class), null, null, available, reorderPoint,
                    reorderQuantity, perDay, leadTime,
                    Reorder.suggestedQuantity(available, reorderPoint, reorderQuantity, perDay, leadTime));
        }, tenant, tenant, since, tenant);
        Map<UUID, VariantSummary> variants = catalog.variants(rows.stream().map(ReorderSuggestion::variantId).toList())
                .stream().collect(Collectors.toMap(VariantSummary::id, Function.identity()));
        return rows.stream().filter(r -> variants.containsKey(r.variantId())).map(r -> {
            VariantSummary v = variants.get(r.variantId());
            return new ReorderSuggestion(r.variantId(), v.sku(), v.label(), r.available(), r.reorderPoint(),
                    r.reorderQuantity(), r.averageDailyOut(), r.leadTimeDays(), r.suggestedQuantity());
        }).toList();
    }
}
