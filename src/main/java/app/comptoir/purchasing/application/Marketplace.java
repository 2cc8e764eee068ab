package app.comptoir.purchasing.application;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TextInput;
import app.comptoir.purchasing.persistence.MarketplaceReads;
import app.comptoir.purchasing.persistence.MarketplaceReads.ProductHit;
import app.comptoir.purchasing.persistence.MarketplaceReads.Review;
import app.comptoir.purchasing.persistence.MarketplaceReads.SupplierHit;

/**
 * The marketplace where shopkeepers find registered suppliers: search suppliers (text, category, city or delivery
 * zone) and products across their catalogs (text, category, supplier), and a supplier's page with its profile,
 * catalog and reviews. Ordering from it is {@link MarketplaceOrders}.
 */
@Service
public class Marketplace {

    private final MarketplaceReads reads;
    private final Permissions permissions;

    Marketplace(MarketplaceReads reads, Permissions permissions) {
        this.reads = reads;
        this.permissions = permissions;
    }

    /** A supplier's page: its profile with rating, one page of its catalog, its newest reviews. */
    public record SupplierPage(SupplierHit supplier, PageResponse<ProductHit> catalog, List<Review> reviews) {
    }

    /** One page of suppliers matching the text, category and city (each optional). */
    @Transactional(readOnly = true)
    public PageResponse<SupplierHit> suppliers(String q, String category, String city, int page, int size) {
        permissions.require(Permission.READ);
        PageRequests.of(page, size, Sort.unsorted());
        String text = filter("q", q);
        String cat = filter("category", category);
        String where = filter("city", city);
        return new PageResponse<>(reads.suppliers(text, cat, where, page * size, size),
                reads.countSuppliers(text, cat, where), page, size);
    }

    /** One page of available products across catalogs (or one supplier's), by text and category. */
    @Transactional(readOnly = true)
    public PageResponse<ProductHit> products(String q, String category, UUID supplier, int page, int size) {
        permissions.require(Permission.READ);
        PageRequests.of(page, size, Sort.unsorted());
        String text = filter("q", q);
        String cat = filter("category", category);
        return new PageResponse<>(reads.products(text, cat, supplier, page * size, size),
                reads.countProducts(text, cat, supplier), page, size);
    }

    /** A registered supplier's page (its catalog searched by {@code q}). */
    @Transactional(readOnly = true)
    public SupplierPage supplier(UUID supplierTenantId, String q, int page, int size) {
        permissions.require(Permission.READ);
        SupplierHit supplier = reads.supplier(supplierTenantId)
                .orElseThrow(() -> new NotFoundException("Registered supplier", supplierTenantId));
        return new SupplierPage(supplier, products(q, null, supplierTenantId, page, size),
                reads.reviews(supplierTenantId, 20));
    }

    private static String filter(String field, String value) {
        String clean = value == null ? "" : value.strip();
        if (clean.length() > 100 || TextInput.hasControlCharacter(clean)) {
            throw InvalidInputException.field(field, "must be at most 100 characters, without control characters");
        }
        return clean;
    }
}
