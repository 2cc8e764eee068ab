package app.comptoir.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductPage;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.catalog.application.ProductListCache;
import app.comptoir.catalog.application.Products;
import app.comptoir.catalog.domain.ProductSpec;
import app.comptoir.catalog.domain.SecondHand;
import app.comptoir.catalog.domain.VariantSpec;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantContext;

/** Products of the caller's catalog: search with facets, read, create, change, duplicate, delete. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog")
class ProductController {

    /** The most units a variant may start with (a typo guard, well above any shop's shelf). */
    static final int MAX_OPENING_STOCK = 1_000_000;

    private final CatalogQueries queries;
    private final Products products;
    private final ProductListCache listCache;
    private final TenantContext tenantContext;
    private final JsonMapper json;

    ProductController(CatalogQueries queries, Products products, ProductListCache listCache,
                      TenantContext tenantContext, JsonMapper json) {
        this.queries = queries;
        this.products = products;
        this.listCache = listCache;
        this.tenantContext = tenantContext;
        this.json = json;
    }

    /** A product as clients send it; the read-only fields of {@link ProductView} are accepted and ignored. */
    @JsonIgnoreProperties({"id", "images", "createdAt", "updatedAt", "available", "pricesIncludeVat"})
    record ProductRequest(String name, String slug, String description, String brand, UUID categoryId,
                          List<String> tags, ProductStatus status, BigDecimal vatRate, String unit,
                          List<ProductOption> options, List<VariantRequest> variants, String baseSku,
                          BigDecimal price, Long version,
                          @Schema(description = "Second-hand attributes, all optional: condition (NEW_WITH_TAGS, "
                                  + "NEW_WITHOUT_TAGS, VERY_GOOD, GOOD, SATISFACTORY), size (at most 40 characters), "
                                  + "material (at most 80)") SecondHandRequest secondHand) {

        ProductSpec spec() {
            return new ProductSpec(name, slug, description, brand, categoryId, tags, status, vatRate, unit, options,
                    variants == null ? null : variants.stream().map(v -> v == null ? null : v.spec()).toList(),
                    secondHand == null ? null : new SecondHand(secondHand.condition(), secondHand.size(),
                            secondHand.material()));
        }
    }

    /** The second-hand attributes as clients send them (an unknown condition is a field error, not a parse error). */
    record SecondHandRequest(String condition, String size, String material) {
    }

    /** A variant as clients send it: with an id to change an existing one, without to add one. */
    @JsonIgnoreProperties({"available"})
    record VariantRequest(UUID id, String sku, String barcode, Map<String, String> options, BigDecimal price,
                          BigDecimal compareAtPrice, BigDecimal cost, BigDecimal weight, Boolean active,
                          Integer openingStock) {

        VariantSpec spec() {
            return new VariantSpec(id, sku, barcode, options, price, compareAtPrice, cost, weight, active);
        }
    }

    record StatusRequest(String status) {
    }

    record DuplicateRequest(String name, String skuSuffix) {
    }

    record GenerateRequest(List<ProductOption> options, String baseSku, BigDecimal price) {
    }

    @GetMapping
    @Operation(summary = "Search products (full text, typo-tolerant), filter, sort and page, with facet counts",
            description = "sort: relevance (default with q), name (default), -name, price, -price, newest, oldest. "
                    + "category includes its sub-categories. inStock: true keeps products with an active variant that "
                    + "has stock available, false those without. Items carry the stock available now (available, "
                    + "per product and per variant, summed over locations).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ProductPage.class)))
    ResponseEntity<byte[]> list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID category,
                     @RequestParam(required = false) String tag, @RequestParam(required = false) String status,
                     @RequestParam(required = false) BigDecimal priceMin,
                     @RequestParam(required = false) BigDecimal priceMax,
                     @RequestParam(required = false) Boolean inStock, @RequestParam(required = false) String sort,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                     @RequestParam(defaultValue = "true") boolean facets) {
        ProductQuery query = new ProductQuery(q, category, tag, status(status, false), priceMin, priceMax, inStock,
                sort, page, size, facets);
        // Lists are served from a short-lived per-node cache of the JSON (see ProductListCache).
        byte[] body = listCache.get(tenantContext.requireTenant(), query,
                () -> json.writeValueAsBytes(queries.search(query)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A product with its variants and images")
    ProductView get(@PathVariable UUID id) {
        return products.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a product",
            description = "Without variants, they are generated: one per combination of the option values (or a "
                    + "single one without options), SKUs derived from baseSku, at price. A variant's optional "
                    + "openingStock (0 to 1,000,000 units) is recorded with the product, in the same transaction, "
                    + "as an entry (RECEIPT, reason \"Stock initial\") at the default location; it needs the "
                    + "STOCK_WRITE permission.")
    ResponseEntity<ProductView> create(@RequestBody ProductRequest body) {
        ProductView view = products.create(body.spec(), body.baseSku(), body.price(), openingStock(body));
        return ResponseEntity.created(URI.create("/api/v1/products/" + view.id())).body(view);
    }

    /** The opening stock per SKU; a quantity out of range or on a variant without SKU is a field error. */
    private static Map<String, Integer> openingStock(ProductRequest body) {
        Map<String, Integer> quantities = new java.util.LinkedHashMap<>();
        List<VariantRequest> variants = body.variants() == null ? List.of() : body.variants();
        List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            VariantRequest v = variants.get(i);
            if (v == null || v.openingStock() == null || v.openingStock() == 0) {
                continue;
            }
            String field = "variants[" + i + "].openingStock";
            if (v.openingStock() < 0 || v.openingStock() > MAX_OPENING_STOCK) {
                errors.add(new InvalidInputException.FieldError(field, "must be between 0 and " + MAX_OPENING_STOCK));
            } else if (v.sku() == null || v.sku().isBlank()) {
                errors.add(new InvalidInputException.FieldError(field, "needs the variant's sku"));
            } else {
                quantities.merge(v.sku().strip(), v.openingStock(), Integer::sum);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The opening stock is not valid", errors);
        }
        return quantities;
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a product and its variants",
            description = "Variants are matched by id, else by SKU; those left out are removed. Without variants, "
                    + "the option matrix is applied. With version, a stale copy is refused (409).")
    ProductView update(@PathVariable UUID id, @RequestBody ProductRequest body) {
        return products.update(id, body.spec(), body.baseSku(), body.price(), body.version());
    }

    @PatchMapping("/{id}/status")
    // The status is read before the service's check: ask the matrix first, so a reader gets 403, not 400.
    @PreAuthorize("@rolePermissions.has('CATALOG_WRITE')")
    @Operation(summary = "Change a product's status (DRAFT, ACTIVE, ARCHIVED)")
    ProductView changeStatus(@PathVariable UUID id, @RequestBody StatusRequest body) {
        return products.changeStatus(id, status(body.status(), true));
    }

    @PostMapping("/{id}/duplicate")
    @Operation(summary = "Copy a product as a draft (SKUs suffixed, barcodes left out, images copied)")
    ResponseEntity<ProductView> duplicate(@PathVariable UUID id, @RequestBody(required = false) DuplicateRequest body) {
        ProductView view = products.duplicate(id, body == null ? null : body.name(), body == null ? null : body.skuSuffix());
        return ResponseEntity.created(URI.create("/api/v1/products/" + view.id())).body(view);
    }

    @PostMapping("/{id}/variants/generate")
    @Operation(summary = "Set the options and generate the variant matrix in one action",
            description = "Every combination of the option values becomes a variant; existing matching variants are "
                    + "kept, missing ones created (SKU = baseSku + value codes, at price), the others removed.")
    ProductView generate(@PathVariable UUID id, @RequestBody GenerateRequest body) {
        return products.generateVariants(id, body.options(), body.baseSku(), body.price());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a product (soft: it disappears, its history stays, its SKUs become free)")
    void delete(@PathVariable UUID id) {
        products.delete(id);
    }

    private static ProductStatus status(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw InvalidInputException.field("status", "is required (DRAFT, ACTIVE or ARCHIVED)");
            }
            return null;
        }
        try {
            return ProductStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("status", "must be DRAFT, ACTIVE or ARCHIVED");
        }
    }
}
