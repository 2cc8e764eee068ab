package app.comptoir.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;

import app.comptoir.catalog.ProductOption;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.Ids;
import app.comptoir.platform.TenantOwnedEntity;

/**
 * A product and its live variants: the aggregate that keeps the catalog's rules (see
 * {@link ProductRules}). Deleting is soft and takes the variants with it, freeing their SKUs.
 */
@Entity
@Table(name = "products")
@AuditTrail("product")
public class Product extends TenantOwnedEntity {

    private String name;
    private String slug;
    private String description;
    private String brand;

    @Column(name = "category_id")
    private UUID categoryId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] tags;

    @Enumerated(EnumType.STRING)
    private ProductStatus status;

    private BigDecimal vatRate;
    private String unit;

    @Column(name = "options", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String optionsJson;

    @Column(name = "item_condition")
    private String itemCondition;

    @Column(name = "item_size")
    private String itemSize;

    @Column(name = "item_material")
    private String itemMaterial;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by")
    private UUID deletedBy;

    // Variants keep their own audit trail.
    @AuditTrail.Ignored
    @OneToMany(mappedBy = "product", cascade = CascadeType.PERSIST)
    @SQLRestriction("deleted_at is null")
    @BatchSize(size = 100) // an import touching many products loads their variants 100 products at a time
    @OrderBy("position")
    private List<Variant> variants = new ArrayList<>();

    protected Product() {
    }

    /** A new product from a specification that passed {@link ProductRules}, with a free slug. */
    public Product(UUID id, UUID tenantId, ProductSpec spec) {
        super(id, tenantId);
        describe(spec);
        for (VariantSpec variant : spec.variants()) {
            variants.add(new Variant(variant.id() == null ? Ids.newId() : variant.id(), this, variants.size(), variant));
        }
    }

    /** Changes the product's own fields (not the variants). */
    public void describe(ProductSpec spec) {
        this.name = spec.name();
        this.slug = spec.slug();
        this.description = spec.description();
        this.brand = spec.brand();
        this.categoryId = spec.categoryId();
        this.tags = spec.tags().toArray(String[]::new);
        this.status = spec.status();
        this.vatRate = spec.vatRate();
        this.unit = spec.unit();
        this.optionsJson = CatalogJson.options(spec.options());
        this.itemCondition = spec.secondHand().condition();
        this.itemSize = spec.secondHand().size();
        this.itemMaterial = spec.secondHand().material();
    }

    /**
     * Removes (softly) the live variants the specification no longer names by id. Run it and flush
     * before {@link #reviseVariants}, so a SKU freed here may be taken by a new variant.
     */
    public void dropVariantsMissingFrom(List<VariantSpec> wanted, Instant at, UUID by) {
        List<UUID> kept = wanted.stream().map(VariantSpec::id).filter(java.util.Objects::nonNull).toList();
        for (var it = variants.iterator(); it.hasNext(); ) {
            Variant variant = it.next();
            if (!kept.contains(variant.getId())) {
                variant.delete(at, by);
                it.remove();
            }
        }
    }

    /** Updates the variants named by id and adds the others, in the specification's order. */
    public void reviseVariants(List<VariantSpec> wanted) {
        Map<UUID, Variant> existing = new HashMap<>();
        variants.forEach(v -> existing.put(v.getId(), v));
        List<Variant> ordered = new ArrayList<>();
        for (VariantSpec spec : wanted) {
            Variant variant = spec.id() == null ? null : existing.get(spec.id());
            if (variant == null) {
                variant = new Variant(spec.id() == null ? Ids.newId() : spec.id(), this, ordered.size(), spec);
            } else {
                variant.apply(ordered.size(), spec);
            }
            ordered.add(variant);
        }
        variants.clear();
        variants.addAll(ordered);
    }

    public void changeStatus(ProductStatus status) {
        this.status = status;
    }

    public void delete(Instant at, UUID by) {
        this.deletedAt = at;
        this.deletedBy = by;
        for (Variant variant : variants) {
            variant.delete(at, by);
        }
        variants.clear();
    }

    /** This product as a specification (the starting point of a partial change or a copy). */
    public ProductSpec toSpec() {
        return new ProductSpec(name, slug, description, brand, categoryId, List.of(tags), status, vatRate, unit,
                getOptions(), variants.stream().map(Variant::toSpec).toList(),
                new SecondHand(itemCondition, itemSize, itemMaterial));
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getDescription() {
        return description;
    }

    public String getBrand() {
        return brand;
    }

    public UUID getCategoryId() {
        return categoryId;
    }

    public List<String> getTags() {
        return List.of(tags);
    }

    public ProductStatus getStatus() {
        return status;
    }

    public BigDecimal getVatRate() {
        return vatRate;
    }

    public String getUnit() {
        return unit;
    }

    public List<ProductOption> getOptions() {
        return CatalogJson.options(optionsJson);
    }

    public List<Variant> getVariants() {
        return List.copyOf(variants);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
