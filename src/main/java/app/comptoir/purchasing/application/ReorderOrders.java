package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.inventory.ReorderSuggestion;
import app.comptoir.inventory.StockQueries;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Money;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.domain.ReorderQuantity;
import app.comptoir.purchasing.persistence.ReorderReads;
import app.comptoir.purchasing.persistence.ReorderReads.PreferredSupplier;

/**
 * Reordering from suppliers: inventory's suggestions (30-day velocity, lead time, reorder quantity: computed
 * there, read through {@link StockQueries#reorderSuggestions()}) minus what is already on order, rounded to the
 * preferred supplier's pack and minimum, grouped per supplier; and the draft orders made from them.
 */
@Service
@Transactional
public class ReorderOrders {

    private final StockQueries stock;
    private final ReorderReads reads;
    private final TenantContext tenantContext;
    private final Tenants tenants;
    private final Permissions permissions;
    private final PurchaseOrders orders;
    private final BusinessTime businessTime;

    ReorderOrders(StockQueries stock, ReorderReads reads, TenantContext tenantContext, Tenants tenants,
                  Permissions permissions, PurchaseOrders orders, BusinessTime businessTime) {
        this.permissions = permissions;
        this.orders = orders;
        this.businessTime = businessTime;
        this.stock = stock;
        this.reads = reads;
        this.tenantContext = tenantContext;
        this.tenants = tenants;
    }

    /** What to reorder now (of one variant when {@code variantId} is given), per preferred supplier. */
    @Transactional(readOnly = true)
    public ReorderPlan plan(UUID variantId) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        String currency = tenants.current().currency();
        List<ReorderSuggestion> suggestions = stock.reorderSuggestions().stream()
                .filter(s -> variantId == null || s.variantId().equals(variantId)).toList();
        List<UUID> ids = suggestions.stream().map(ReorderSuggestion::variantId).toList();
        Map<UUID, Integer> onOrder = reads.onOrder(tenant, ids);
        Map<UUID, PreferredSupplier> preferred = reads.preferredSuppliers(tenant, ids);
        Map<UUID, List<ReorderPlan.Line>> bySupplier = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        List<ReorderPlan.Line> without = new ArrayList<>();
        for (ReorderSuggestion s : suggestions) {
            int ordered = onOrder.getOrDefault(s.variantId(), 0);
            int need = ReorderQuantity.need(s.suggestedQuantity(), ordered);
            if (need == 0) {
                continue;
            }
            PreferredSupplier p = preferred.get(s.variantId());
            if (p == null) {
                without.add(new ReorderPlan.Line(s.variantId(), s.sku(), s.label(), s.available(), s.reorderPoint(),
                        s.suggestedQuantity(), ordered, need, need, null, null, null, null, s.leadTimeDays()));
                continue;
            }
            int quantity = ReorderQuantity.toOrder(need, p.packSize(), p.minQuantity());
            bySupplier.computeIfAbsent(p.supplierId(), k -> new ArrayList<>()).add(new ReorderPlan.Line(
                    s.variantId(), s.sku(), s.label(), s.available(), s.reorderPoint(), s.suggestedQuantity(), ordered,
                    need, quantity, p.packSize(), p.minQuantity(), p.cost(),
                    Money.round(p.cost().multiply(BigDecimal.valueOf(quantity)), currency),
                    p.leadTimeDays() == null ? s.leadTimeDays() : p.leadTimeDays()));
            names.put(p.supplierId(), p.supplierName());
        }
        List<ReorderPlan.SupplierGroup> groups = bySupplier.entrySet().stream()
                .map(e -> new ReorderPlan.SupplierGroup(e.getKey(), names.get(e.getKey()), e.getValue(),
                        e.getValue().stream().map(ReorderPlan.Line::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)))
                .sorted(Comparator.comparing(g -> g.supplierName().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        BigDecimal total = groups.stream().map(ReorderPlan.SupplierGroup::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReorderPlan(variantId, currency, groups, without, total);
    }

    /** The drafts made from the suggestions, and the page that shows them. */
    public record PlacedOrders(List<PlacedOrder> orders, String link) {
    }

    /** A draft made for one supplier. */
    public record PlacedOrder(UUID id, String number, UUID supplierId, String supplierName, int lines, BigDecimal total) {
    }

    /**
     * Makes one DRAFT per preferred supplier from the current suggestions (of one variant when {@code variantId}
     * is given), at the supplier's costs, expected after the longest lead time of its lines; {@code quantities}
     * replaces the quantity of some variants (a quantity of 0 leaves the variant out). Nothing to order: a 400.
     */
    public PlacedOrders place(UUID variantId, Map<UUID, Integer> quantities) {
        permissions.require(Permission.PURCHASES_WRITE);
        Map<UUID, Integer> chosen = quantities == null ? Map.of() : quantities;
        chosen.forEach((variant, quantity) -> {
            if (quantity == null || quantity < 0 || quantity > 1_000_000_000) {
                throw InvalidInputException.field("quantities", "must be from 0 to 1000000000");
            }
        });
        ReorderPlan plan = plan(variantId);
        List<PlacedOrder> placed = new ArrayList<>();
        for (ReorderPlan.SupplierGroup group : plan.suppliers()) {
            List<LineDraft> lines = new ArrayList<>();
            int leadTime = 0;
            for (ReorderPlan.Line line : group.lines()) {
                int quantity = chosen.getOrDefault(line.variantId(), line.quantity());
                if (quantity <= 0) {
                    continue;
                }
                lines.add(new LineDraft(line.variantId(), null, null, null, quantity, line.unitCost()));
                leadTime = Math.max(leadTime, line.leadTimeDays() == null ? 0 : line.leadTimeDays());
            }
            if (lines.isEmpty()) {
                continue;
            }
            PurchaseOrderView order = orders.create(new PurchaseOrderDraft(group.supplierId(),
                    businessTime.today().plusDays(leadTime), null, lines, null, null));
            placed.add(new PlacedOrder(order.id(), order.number(), order.supplierId(), order.supplierName(),
                    order.lines().size(), order.total()));
        }
        if (placed.isEmpty()) {
            throw InvalidInputException.field("variant", "nothing to order from a preferred supplier");
        }
        String link = placed.size() == 1 ? "/app/purchasing/orders/" + placed.getFirst().id()
                : "/app/purchasing/orders?status=DRAFT";
        return new PlacedOrders(placed, link);
    }
}
