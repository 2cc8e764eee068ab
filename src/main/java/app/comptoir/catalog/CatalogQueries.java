package app.comptoir.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.application.Categories;
import app.comptoir.catalog.application.ProductImages;
import app.comptoir.catalog.persistence.ProductCards;
import app.comptoir.catalog.persistence.ProductSearch;
import app.comptoir.catalog.persistence.ProductViews;
import app.comptoir.catalog.persistence.VariantSummaries;
import app.comptoir.platform.PageRequests;
import app.comptoir.platform.PageResponse;
import app.comptoir.platform.TenantContext;

/** Read access to the current tenant's catalog, for the API and for other modules (sales, inventory...). */
@Service
@Transactional(readOnly = true)
public class CatalogQueries {

    private final ProductSearch search;
    private final ProductViews views;
    private final VariantSummaries variants;
    private final Categories categories;
    private final TenantContext tenantContext;
    private final ProductImages images;
    private final ProductCards cards;

    CatalogQueries(ProductSearch search, ProductViews views, VariantSummaries variants, Categories categories,
                   TenantContext tenantContext, ProductImages images, ProductCards cards) {
        this.images = images;
        this.cards = cards;
        this.search = search;
        this.views = views;
        this.variants = variants;
        this.categories = categories;
        this.tenantContext = tenantContext;
    }

    /** Searches products (see {@link ProductQuery}). */
    public ProductPage search(ProductQuery query) {
        return search.search(tenantContext.requireTenant(), query);
    }

    /**
     * Searches products (see {@link ProductQuery}) and answers each as a card: what a list shows of a product, much
     * lighter to read than its variants.
     */
    public ProductCard.Page cards(ProductQuery query) {
        return search.cards(tenantContext.requireTenant(), query);
    }

    /** The live products among these ids as cards, in the order of the ids. */
    public List<ProductCard> cards(List<UUID> ids) {
        return cards.load(tenantContext.requireTenant(), ids);
    }

    /** A live product with its variants and images. */
    public Optional<ProductView> product(UUID id) {
        return views.find(tenantContext.requireTenant(), id);
    }

    /**
     * The file of a live product's picture, or of its thumbnail (longest side 320 px), for a module that serves the
     * pictures itself (the public shop); a 404 when the product or the picture does not exist.
     */
    public ProductPicture picture(UUID productId, UUID imageId, boolean thumb) {
        ProductImages.ImageFile file = images.file(productId, imageId, thumb);
        return new ProductPicture(file.path(), file.contentType());
    }

    /** A live variant of a live product. */
    public Optional<VariantSummary> variant(UUID id) {
        return variants.byId(tenantContext.requireTenant(), id);
    }

    /** The live variants with these ids (unknown or deleted ones are left out), in no particular order. */
    public List<VariantSummary> variants(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return variants.byIds(tenantContext.requireTenant(), ids);
    }

    /** The live variant with this SKU, whatever its case. */
    public Optional<VariantSummary> variantBySku(String sku) {
        return variantsBySku(List.of(sku)).stream().findFirst();
    }

    /** The live variants with these SKUs (case-insensitive), in SKU order. */
    public List<VariantSummary> variantsBySku(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        String[] lower = skus.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        return variants.byLowerSkus(tenantContext.requireTenant(), lower);
    }

    /** The live variant with this barcode (EAN-13, UPC-A or EAN-8). */
    public Optional<VariantSummary> variantByBarcode(String barcode) {
        return variants.byBarcode(tenantContext.requireTenant(), barcode.trim());
    }

    /** Live variants whose SKU starts with the text (any case), by SKU; all of them without text. */
    public PageResponse<VariantSummary> variants(String skuPrefix, int page, int size) {
        PageRequests.of(page, size, org.springframework.data.domain.Sort.unsorted());
        UUID tenant = tenantContext.requireTenant();
        String prefix = skuPrefix == null ? "" : skuPrefix.trim().toLowerCase(Locale.ROOT);
        long total = variants.countBySkuPrefix(tenant, prefix);
        List<VariantSummary> items = variants.bySkuPrefix(tenant, prefix, size, (long) page * size);
        return new PageResponse<>(items, total, page, size);
    }

    /**
     * A page of the variants changed after {@code since} (all live ones when null), by id after {@code after}: the
     * feed a device keeping a copy of the catalog reads (see {@link VariantChange}).
     */
    public List<VariantChange> variantChanges(Instant since, UUID after, int limit) {
        return variants.changedSince(tenantContext.requireTenant(), since, after, limit);
    }

    /** The category tree. */
    public List<CategoryNode> categories() {
        return categories.tree();
    }

    /** The tags in use by live products, with how many products carry each, by name. */
    public List<ProductFacets.TagCount> tags(String prefix) {
        return search.tags(tenantContext.requireTenant(), prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT));
    }
}
