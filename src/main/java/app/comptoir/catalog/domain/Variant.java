package app.comptoir.catalog.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.TenantOwnedEntity;

/** A sellable variant of a {@link Product}. Removing a variant is soft: stock and orders keep pointing at it. */
@Entity
@Table(name = "variants")
@AuditTrail("variant")
public class Variant extends TenantOwnedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id", nullable = false, updatable = false)
    private Product product;

    private int position;
    private String sku;
    private String barcode;

    @Column(name = "options", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    private String optionsJson;

    private BigDecimal price;
    private BigDecimal compareAtPrice;
    private BigDecimal cost;
    private BigDecimal weight;
    private boolean active;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by")
    private UUID deletedBy;

    protected Variant() {
    }

    Variant(UUID id, Product product, int position, VariantSpec spec) {
        super(id, product.getTenantId());
        this.product = product;
        apply(position, spec);
    }

    void apply(int position, VariantSpec spec) {
        this.position = position;
        this.sku = spec.sku();
        this.barcode = spec.barcode();
        this.optionsJson = CatalogJson.values(spec.options());
        this.price = spec.price();
        this.compareAtPrice = spec.compareAtPrice();
        this.cost = spec.cost();
        this.weight = spec.weight();
        this.active = spec.active() == null || spec.active();
    }

    void delete(Instant at, UUID by) {
        this.deletedAt = at;
        this.deletedBy = by;
    }

    public Product getProduct() {
        return product;
    }

    public int getPosition() {
        return position;
    }

    public String getSku() {
        return sku;
    }

    public String getBarcode() {
        return barcode;
    }

    public Map<String, String> getOptions() {
        return CatalogJson.values(optionsJson);
    }

    public BigDecimal getPrice() {
        return price;
    }

    public BigDecimal getCompareAtPrice() {
        return compareAtPrice;
    }

    public BigDecimal getCost() {
        return cost;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** This variant as a specification, e.g. to copy it. */
    public VariantSpec toSpec() {
        return new VariantSpec(getId(), sku, barcode, getOptions(), price, compareAtPrice, cost, weight, active);
    }
}
