package app.comptoir.catalog.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.catalog.OpeningStock;
import app.comptoir.catalog.ProductChanged;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.VariantView;
import app.comptoir.catalog.domain.OptionMatrix;
import app.comptoir.catalog.domain.Product;
import app.comptoir.catalog.domain.ProductRules;
import app.comptoir.catalog.domain.ProductSpec;
import app.comptoir.catalog.domain.Variant;
import app.comptoir.catalog.domain.VariantSpec;
import app.comptoir.catalog.persistence.CatalogChecks;
import app.comptoir.catalog.persistence.ProductRepository;
import app.comptoir.catalog.persistence.ProductViews;
import app.comptoir.catalog.persistence.SearchIndex;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.Quotas;
import app.comptoir.platform.TenantContext;

/** Creating, changing, duplicating and deleting the current tenant's products. */
@Service
public class Products {

    private final ProductRepository products;
    private final ProductViews views;
    private final CatalogChecks checks;
    private final SearchIndex searchIndex;
    private final ProductListCache listCache;
    private final ProductImages images;
    private final TenantContext tenantContext;
    private final EntityManager em;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Permissions permissions;
    private final ObjectProvider<OpeningStock> openingStocks;
    private final Quotas quotas;

    Products(ProductRepository products, ProductViews views, CatalogChecks checks, SearchIndex searchIndex,
                   ProductListCache listCache, ProductImages images, TenantContext tenantContext,
                   EntityManager em, ApplicationEventPublisher events, Clock clock, Permissions permissions,
                   ObjectProvider<OpeningStock> openingStocks, Quotas quotas) {
        this.openingStocks = openingStocks;
        this.quotas = quotas;
        this.permissions = permissions;
        this.products = products;
        this.views = views;
        this.checks = checks;
        this.searchIndex = searchIndex;
        this.listCache = listCache;
        this.images = images;
        this.tenantContext = tenantContext;
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProductView get(UUID id) {
        return views.find(tenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("Product", id));
    }

    /**
     * Creates a product. Without variants, they are generated: one per combination of the option
     * values (or a single one without options), with SKUs derived from {@code baseSku} and {@code price}.
     */
    @Transactional
    public ProductView create(ProductSpec request, String baseSku, BigDecimal price) {
        return create(request, baseSku, price, Map.of());
    }

    /**
     * Creates a product with its opening stock ({@code openingStock}: quantity per SKU of its variants), recorded
     * through the {@link OpeningStock} port in the same transaction; a quantity for no variant of the product
     * is refused ({@code openingStock.<sku>}).
     */
    @Transactional
    public ProductView create(ProductSpec request, String baseSku, BigDecimal price, Map<String, Integer> openingStock) {
        permissions.require(Permission.CATALOG_WRITE);
        ProductSpec spec = request;
        if (spec.variants() == null || spec.variants().isEmpty()) {
            spec = spec.withVariants(OptionMatrix.generate(spec.options(), List.of(), baseSku, price));
        }
        ProductView created = view(store(null, spec));
        Map<UUID, Integer> quantities = new java.util.LinkedHashMap<>();
        openingStock.forEach((sku, quantity) -> {
            if (quantity == null || quantity == 0) {
                return;
            }
            UUID variantId = created.variants().stream().filter(v -> v.sku().equalsIgnoreCase(sku.strip()))
                    .map(VariantView::id).findFirst()
                    .orElseThrow(() -> InvalidInputException.field("openingStock." + sku, "names no variant of the product"));
            quantities.put(variantId, quantity);
        });
        if (!quantities.isEmpty()) {
            OpeningStock stock = openingStocks.getIfAvailable();
            if (stock == null) {
                throw InvalidInputException.field("openingStock", "stock is not kept in this installation");
            }
            stock.receive(quantities);
        }
        return created;
    }

    /**
     * Replaces a product's fields and variants. Variants are matched by id, else by SKU; the ones
     * not named are removed. With {@code variants} null, the option matrix is applied instead (see
     * {@link OptionMatrix}). A given {@code expectedVersion} must be the current one.
     */
    @Transactional
    public ProductView update(UUID id, ProductSpec request, String baseSku, BigDecimal price, Long expectedVersion) {
        permissions.require(Permission.CATALOG_WRITE);
        Product product = load(id);
        if (expectedVersion != null && expectedVersion != product.getVersion()) {
            throw new ConflictException("concurrent-modification",
                    "Someone else changed this product since version " + expectedVersion + "; reload it and try again");
        }
        List<VariantSpec> existing = product.getVariants().stream().map(Variant::toSpec).toList();
        if (price != null) {
            existing = repriced(existing, price, request.variants() != null);
        }
        ProductSpec spec = request.variants() == null
                ? request.withVariants(OptionMatrix.generate(request.options(), existing, baseSku, price))
                : request.withVariants(matchExisting(request.variants(), product));
        return view(store(product, spec));
    }

    /**
     * The product's price changed by a PUT: every variant takes it (the product has one price), checked like
     * on creation. Refused when the variants are sent too (their own prices say it) or when they have different
     * prices today (one price would silently flatten them): those prices are changed in {@code variants[].price}.
     */
    private static List<VariantSpec> repriced(List<VariantSpec> existing, BigDecimal price, boolean variantsSent) {
        ProductRules.checkPrice(price, "price");
        if (variantsSent) {
            throw InvalidInputException.field("price", "the variants are sent too: set each price in variants[].price");
        }
        if (existing.stream().map(v -> v.price() == null ? null : v.price().stripTrailingZeros()).distinct().count() > 1) {
            throw InvalidInputException.field("price", "the variants have different prices: set each one in "
                    + "variants[].price (PUT with the variants) or on the product's variants screen");
        }
        return existing.stream().map(v -> v.withPrice(price)).toList();
    }

    /** Sets the product's options and makes its variants the full matrix of their values, in one action. */
    @Transactional
    public ProductView generateVariants(UUID id, List<ProductOption> options, String baseSku, BigDecimal price) {
        permissions.require(Permission.CATALOG_WRITE);
        Product product = load(id);
        ProductSpec current = product.toSpec();
        List<ProductOption> wanted = options == null ? current.options() : options;
        ProductSpec spec = new ProductSpec(current.name(), current.slug(), current.description(), current.brand(),
                current.categoryId(), current.tags(), current.status(), current.vatRate(), current.unit(), wanted,
                OptionMatrix.generate(wanted, current.variants(), baseSku, price), current.secondHand());
        return view(store(product, spec));
    }

    @Transactional
    public ProductView changeStatus(UUID id, ProductStatus status) {
        permissions.require(Permission.CATALOG_WRITE);
        if (status == null) {
            throw InvalidInputException.field("status", "is required (DRAFT, ACTIVE or ARCHIVED)");
        }
        Product product = load(id);
        if (status == ProductStatus.ACTIVE && product.getVariants().stream().noneMatch(Variant::isActive)) {
            throw new ConflictException("no-active-variant", "A product needs at least one active variant to be on sale");
        }
        product.changeStatus(status);
        em.lock(product, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        em.flush();
        changed(product.getId(), ProductChanged.Change.UPDATED);
        return get(id);
    }

    /**
     * Replaces the descriptions of several products at once (texts written by the assistant's bulk job and accepted
     * on its page), each checked by the product's rules; all or none. Returns how many products changed.
     */
    @Transactional
    public int replaceDescriptions(Map<UUID, String> descriptions) {
        permissions.require(Permission.CATALOG_WRITE);
        int changed = 0;
        for (Map.Entry<UUID, String> e : descriptions.entrySet()) {
            Product product = load(e.getKey());
            ProductSpec current = product.toSpec();
            String text = e.getValue() == null || e.getValue().isBlank() ? null : e.getValue().strip();
            if (!Objects.equals(current.description(), text)) {
                store(product, current.withDescription(text));
                changed++;
            }
        }
        return changed;
    }

    /** Soft-deletes the product and its variants: it disappears from lists and its SKUs become free. */
    @Transactional
    public void delete(UUID id) {
        permissions.require(Permission.PRODUCT_DELETE);
        Product product = load(id);
        List<UUID> variantIds = variantIds(product);
        product.delete(Instant.now(clock), actor());
        em.flush();
        changed(id, ProductChanged.Change.DELETED, variantIds);
    }

    /**
     * Copies a product as a draft, with its images; SKUs get a suffix ({@code -COPY} unless told) and
     * barcodes are left out, since they identify the original's goods.
     */
    @Transactional
    public ProductView duplicate(UUID id, String name, String skuSuffix) {
        permissions.require(Permission.CATALOG_WRITE);
        Product original = load(id);
        UUID tenantId = tenantContext.requireTenant();
        String suffix = skuSuffix == null || skuSuffix.isBlank() ? "-COPY" : skuSuffix.trim();
        ProductSpec source = original.toSpec();
        List<String> wanted = source.variants().stream().map(v -> v.sku() + suffix).toList();
        Set<String> taken = new HashSet<>();
        checks.skusTaken(tenantId, widen(wanted), null).forEach(s -> taken.add(s.toLowerCase(Locale.ROOT)));
        List<VariantSpec> copies = new ArrayList<>();
        for (int i = 0; i < source.variants().size(); i++) {
            String sku = wanted.get(i);
            for (int n = 2; taken.contains(sku.toLowerCase(Locale.ROOT)); n++) {
                sku = wanted.get(i) + n;
            }
            taken.add(sku.toLowerCase(Locale.ROOT));
            copies.add(source.variants().get(i).withId(null).withSku(sku).withBarcode(null));
        }
        String copyName = name == null || name.isBlank() ? original.getName() + " (copy)" : name.trim();
        ProductSpec spec = source.withName(copyName).withSlug(null).withStatus(ProductStatus.DRAFT).withVariants(copies);
        Product copy = store(null, spec);
        images.copyAll(original.getId(), copy.getId());
        return view(copy);
    }

    /**
     * Checks and stores a product (new when {@code product} is null): rules, category, then
     * tenant-wide uniqueness of slug, SKUs and barcodes; refreshes its search columns.
     */
    public Product store(Product product, ProductSpec requested) {
        UUID tenantId = tenantContext.requireTenant();
        ProductSpec spec = ProductRules.check(requested).orThrow();
        UUID productId = product == null ? null : product.getId();
        if (product == null) {
            quotas.requireRoomForProduct();
        }
        if (spec.categoryId() != null && !checks.categoryExists(tenantId, spec.categoryId())) {
            throw InvalidInputException.field("categoryId", "no such category");
        }
        if (spec.slug() == null) {
            String base = product != null && ProductRules.slugOf(spec.name()).equals(ProductRules.slugOf(product.getName()))
                    ? product.getSlug() : ProductRules.slugOf(spec.name());
            spec = spec.withSlug(checks.freeSlug(tenantId, base, productId));
        } else if (checks.slugTaken(tenantId, spec.slug(), productId)) {
            throw new ConflictException("slug-taken", "Another product already uses the slug '" + spec.slug() + "'");
        }
        List<String> skus = spec.variants().stream().map(VariantSpec::sku).toList();
        List<String> takenSkus = checks.skusTaken(tenantId, skus, productId);
        if (!takenSkus.isEmpty()) {
            throw new ConflictException("sku-taken", "SKU " + String.join(", ", takenSkus)
                    + " is already used by another product (SKUs are unique, whatever their case)");
        }
        List<String> barcodes = spec.variants().stream().map(VariantSpec::barcode).filter(Objects::nonNull).toList();
        List<String> takenBarcodes = checks.barcodesTaken(tenantId, barcodes, productId);
        if (!takenBarcodes.isEmpty()) {
            throw new ConflictException("barcode-taken", "Barcode " + String.join(", ", takenBarcodes)
                    + " is already used by another product");
        }
        if (product == null) {
            product = new Product(Ids.newId(), tenantId, spec);
            em.persist(product);
            em.flush();
            changed(product.getId(), ProductChanged.Change.CREATED);
        } else {
            product.describe(spec);
            List<UUID> dropped = variantIds(product);
            product.dropVariantsMissingFrom(spec.variants(), Instant.now(clock), actor());
            dropped.removeAll(variantIds(product));
            em.flush();
            product.reviseVariants(spec.variants());
            em.lock(product, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            changed(product.getId(), ProductChanged.Change.UPDATED, dropped);
        }
        return product;
    }

    /** Gives each requested variant the id of the product's variant it names (by id, else by SKU). */
    private static List<VariantSpec> matchExisting(List<VariantSpec> requested, Product product) {
        Map<UUID, Variant> byId = new HashMap<>();
        Map<String, Variant> bySku = new HashMap<>();
        for (Variant v : product.getVariants()) {
            byId.put(v.getId(), v);
            bySku.put(v.getSku().toLowerCase(Locale.ROOT), v);
        }
        Set<UUID> used = new HashSet<>();
        List<VariantSpec> matched = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            VariantSpec spec = requested.get(i);
            if (spec == null) {
                matched.add(null);
                continue;
            }
            if (spec.id() != null) {
                if (!byId.containsKey(spec.id()) || !used.add(spec.id())) {
                    errors.add(new FieldError("variants[" + i + "].id", "is not a variant of this product"));
                }
                matched.add(spec);
                continue;
            }
            Variant same = spec.sku() == null ? null : bySku.get(spec.sku().trim().toLowerCase(Locale.ROOT));
            if (same != null && used.add(same.getId())) {
                matched.add(spec.withId(same.getId()));
            } else {
                matched.add(spec);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        return matched;
    }

    private Product load(UUID id) {
        return products.findLive(tenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("Product", id));
    }

    private ProductView view(Product product) {
        return get(product.getId());
    }

    private void changed(UUID productId, ProductChanged.Change change) {
        changed(productId, change, List.of());
    }

    private void changed(UUID productId, ProductChanged.Change change, List<UUID> removedVariantIds) {
        UUID tenantId = tenantContext.requireTenant();
        searchIndex.refresh(tenantId, List.of(productId));
        listCache.invalidate(tenantId);
        events.publishEvent(new ProductChanged(tenantId, productId, change, removedVariantIds));
    }

    /** The ids of the product's live variants (a mutable copy). */
    private static List<UUID> variantIds(Product product) {
        return new ArrayList<>(product.getVariants().stream().map(Variant::getId).toList());
    }

    private UUID actor() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }

    /** The SKUs with every numbered variant of their suffix a copy might take ({@code X-COPY}, {@code X-COPY2}...). */
    private static List<String> widen(List<String> skus) {
        List<String> all = new ArrayList<>(skus);
        for (String sku : skus) {
            for (int n = 2; n <= 9; n++) {
                all.add(sku + n);
            }
        }
        return all;
    }
}
