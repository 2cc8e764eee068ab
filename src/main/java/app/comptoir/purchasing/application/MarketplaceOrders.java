package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.purchasing.persistence.MarketplaceReads;
import app.comptoir.purchasing.persistence.MarketplaceReads.SupplierHit;
import app.comptoir.purchasing.persistence.SupplierLinkStore;
import app.comptoir.purchasing.persistence.SupplierProductStore;

/**
 * "Commander" on the marketplace: the shopkeeper picks a registered supplier's products and quantities (each at
 * least the item's minimum), optionally mapped to its own variants (needed to receive into stock); its supplier
 * record linked to that registered supplier is found or created (named after the company), and a connected draft
 * purchase order is created, which the shopkeeper then sends. Below the supplier's minimum order amount it is
 * refused (409 {@code below-minimum-order}).
 */
@Service
public class MarketplaceOrders {

    private final MarketplaceReads marketplace;
    private final SupplierProductStore products;
    private final SupplierLinkStore links;
    private final PurchaseOrders orders;
    private final Tenants tenants;
    private final PurchasingActor actor;
    private final Clock clock;

    MarketplaceOrders(MarketplaceReads marketplace, SupplierProductStore products, SupplierLinkStore links,
                      PurchaseOrders orders, Tenants tenants, PurchasingActor actor, Clock clock) {
        this.marketplace = marketplace;
        this.products = products;
        this.links = links;
        this.orders = orders;
        this.tenants = tenants;
        this.actor = actor;
        this.clock = clock;
    }

    /** One product to order: the supplier's item, the quantity, and the buyer's own variant (optional). */
    public record OrderLine(UUID productId, Integer quantity, UUID variantId) {
    }

    /** What the shopkeeper orders from a registered supplier. */
    public record MarketplaceOrder(List<OrderLine> lines, LocalDate expectedOn, String notes) {
    }

    /** Creates the connected draft (see the class comment). */
    @Transactional
    public PurchaseOrderView order(UUID supplierTenantId, MarketplaceOrder order) {
        actor.require(Permission.PURCHASES_WRITE);
        TenantProfile buyer = tenants.current();
        SupplierHit supplier = marketplace.supplier(supplierTenantId)
                .orElseThrow(() -> new NotFoundException("Registered supplier", supplierTenantId));
        if (supplierTenantId.equals(buyer.id())) {
            throw new ConflictException("own-supplier-business", "A business cannot order from itself");
        }
        if (!supplier.currency().equals(buyer.currency())) {
            throw new ConflictException("currency-mismatch", "This supplier sells in " + supplier.currency()
                    + " and your business buys in " + buyer.currency());
        }
        List<OrderLine> asked = order == null || order.lines() == null ? List.of()
                : order.lines().stream().filter(l -> l != null && l.productId() != null).toList();
        if (asked.isEmpty()) {
            throw InvalidInputException.field("lines", "must hold at least one product");
        }
        Map<UUID, SupplierProductStore.Row> items = products.findAll(supplierTenantId,
                asked.stream().map(OrderLine::productId).distinct().toList()).stream()
                .collect(Collectors.toMap(SupplierProductStore.Row::id, Function.identity()));
        List<FieldError> errors = new ArrayList<>();
        List<LineDraft> drafts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < asked.size(); i++) {
            OrderLine line = asked.get(i);
            String field = "lines[" + i + "]";
            SupplierProductStore.Row item = items.get(line.productId());
            if (item == null || !item.available()) {
                errors.add(new FieldError(field + ".productId", "is not on sale by this supplier"));
                continue;
            }
            int quantity = line.quantity() == null ? 0 : line.quantity();
            if (quantity < item.minQuantity()) {
                errors.add(new FieldError(field + ".quantity", "must be at least " + item.minQuantity()
                        + " (the supplier's minimum for " + item.name() + ")"));
                continue;
            }
            if (item.availableStock() != null && quantity > item.availableStock()) {
                errors.add(new FieldError(field + ".quantity", "only " + item.availableStock() + " available"));
                continue;
            }
            total = total.add(item.price().multiply(BigDecimal.valueOf(quantity)));
            String label = item.name() + " (" + item.unit() + ")";
            drafts.add(new LineDraft(line.variantId(), item.id(), null, label.length() > 300 ? item.name() : label,
                    quantity, item.price()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1 ? errors.getFirst().field() + ": "
                    + errors.getFirst().message() : "Some lines are invalid", errors);
        }
        if (total.compareTo(supplier.minimumOrder()) < 0) {
            throw new ConflictException("below-minimum-order", "This order totals " + total.toPlainString() + " "
                    + supplier.currency() + ", below " + supplier.company() + "'s minimum order of "
                    + supplier.minimumOrder().toPlainString() + " " + supplier.currency());
        }
        UUID supplierId = links.linkedTo(buyer.id(), supplierTenantId).orElseGet(() -> {
            links.addLinked(Ids.newId(), buyer.id(), supplier.company(), null, null, supplier.city(), supplierTenantId,
                    actor.userId(), clock.instant());
            return links.linkedTo(buyer.id(), supplierTenantId).orElseThrow();
        });
        return orders.create(new PurchaseOrderDraft(supplierId, order.expectedOn(), order.notes(), drafts, null, null));
    }
}
