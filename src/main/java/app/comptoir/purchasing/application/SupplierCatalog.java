package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.TenantProfile;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.purchasing.domain.SupplierOfferRules;
import app.comptoir.purchasing.domain.SupplierOfferRules.ProductSpec;
import app.comptoir.purchasing.persistence.SupplierProductStore;

/**
 * A registered supplier's catalog on the marketplace: the items it sells (name, category, price, unit, minimum
 * quantity, available stock, on sale or not). Only the supplier's own business writes it; removing an item is
 * soft, so the orders that bought it still name it.
 */
@Service
public class SupplierCatalog {

    private final SupplierProductStore products;
    private final SupplierSpace space;
    private final Permissions permissions;
    private final TenantContext tenantContext;
    private final Clock clock;

    SupplierCatalog(SupplierProductStore products, SupplierSpace space, Permissions permissions,
                    TenantContext tenantContext, Clock clock) {
        this.products = products;
        this.space = space;
        this.permissions = permissions;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    /** A catalog item as its supplier sees it. */
    public record CatalogItem(UUID id, String name, String category, String description, BigDecimal price,
                              String currency, String unit, int minQuantity, Integer availableStock, boolean available) {
    }

    /** What the supplier enters for an item ({@code minQuantity} null: 1; {@code available} null: on sale). */
    public record ItemInput(String name, String category, String description, BigDecimal price, String unit,
                            Integer minQuantity, Integer availableStock, Boolean available) {
    }

    /** One page of the catalog, searched on name and category. */
    @Transactional(readOnly = true)
    public PageResponse<CatalogItem> page(String q, int page, int size) {
        permissions.require(Permission.READ);
        TenantProfile tenant = space.requireSupplier();
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        String query = search(q);
        return new PageResponse<>(products.page(tenant.id(), query, page * size, size).stream()
                .map(r -> item(r, tenant.currency())).toList(), products.count(tenant.id(), query), page, size);
    }

    @Transactional(readOnly = true)
    public CatalogItem find(UUID id) {
        permissions.require(Permission.READ);
        TenantProfile tenant = space.requireSupplier();
        return products.find(tenant.id(), id).map(r -> item(r, tenant.currency()))
                .orElseThrow(() -> new NotFoundException("Supplier product", id));
    }

    /** Adds an item to the catalog. */
    @Transactional
    public CatalogItem add(ItemInput input) {
        permissions.require(Permission.PURCHASES_WRITE);
        TenantProfile tenant = space.requireSupplier();
        UUID id = Ids.newId();
        products.insert(id, tenant.id(), spec(input, tenant), actor(), clock.instant());
        return find(id);
    }

    /** Changes an item; another business's item is not found (row-level security lets nobody else write it). */
    @Transactional
    public CatalogItem change(UUID id, ItemInput input) {
        permissions.require(Permission.PURCHASES_WRITE);
        TenantProfile tenant = space.requireSupplier();
        if (!products.update(tenant.id(), id, spec(input, tenant), actor(), clock.instant())) {
            throw new NotFoundException("Supplier product", id);
        }
        return find(id);
    }

    /** Removes an item from the catalog (soft: past orders keep it). */
    @Transactional
    public void remove(UUID id) {
        permissions.require(Permission.PURCHASES_WRITE);
        TenantProfile tenant = space.requireSupplier();
        if (!products.delete(tenant.id(), id, actor(), clock.instant())) {
            throw new NotFoundException("Supplier product", id);
        }
    }

    static String search(String q) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 100 || TextInput.hasControlCharacter(query)) {
            throw InvalidInputException.field("q", "must be at most 100 characters, without control characters");
        }
        return query;
    }

    private static ProductSpec spec(ItemInput input, TenantProfile tenant) {
        return SupplierOfferRules.product(input.name(), input.category(), input.description(), input.price(),
                input.unit(), input.minQuantity(), input.availableStock(), input.available(), tenant.currency());
    }

    private UUID actor() {
        return tenantContext.principal().map(p -> p.userId()).orElse(null);
    }

    private static CatalogItem item(SupplierProductStore.Row r, String currency) {
        return new CatalogItem(r.id(), r.name(), r.category(), r.description(), r.price(), currency, r.unit(),
                r.minQuantity(), r.availableStock(), r.available());
    }
}
