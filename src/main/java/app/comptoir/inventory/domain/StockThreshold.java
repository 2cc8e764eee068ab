package app.comptoir.inventory.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantOwnedEntity;

/** A variant's stock thresholds: alert (low) level, overstock level, reorder point and quantity, lead time. */
@Entity
@Table(name = "stock_thresholds")
@AuditTrail("stock-threshold")
public class StockThreshold extends TenantOwnedEntity {

    @Column(name = "variant_id", nullable = false, updatable = false)
    private UUID variantId;

    @Column(name = "alert_level")
    private Integer alertLevel;

    @Column(name = "overstock_level")
    private Integer overstockLevel;

    @Column(name = "reorder_point")
    private Integer reorderPoint;

    @Column(name = "reorder_quantity")
    private Integer reorderQuantity;

    @Column(name = "lead_time_days")
    private Integer leadTimeDays;

    protected StockThreshold() {
    }

    public StockThreshold(UUID id, UUID tenantId, UUID variantId) {
        super(id, tenantId);
        this.variantId = variantId;
    }

    /** Sets every threshold (null: none); an overstock level must lie above the alert level. */
    public void set(Thresholds thresholds) {
        Integer alertLevel = thresholds.alertLevel();
        Integer overstockLevel = thresholds.overstockLevel();
        Integer reorderPoint = thresholds.reorderPoint();
        Integer reorderQuantity = thresholds.reorderQuantity();
        Integer leadTimeDays = thresholds.leadTimeDays();
        nonNegative("alertLevel", alertLevel);
        nonNegative("overstockLevel", overstockLevel);
        nonNegative("reorderPoint", reorderPoint);
        nonNegative("reorderQuantity", reorderQuantity);
        nonNegative("leadTimeDays", leadTimeDays);
        if (alertLevel != null && overstockLevel != null && overstockLevel <= alertLevel) {
            throw InvalidInputException.field("overstockLevel", "must be above the alert level");
        }
        this.alertLevel = alertLevel;
        this.overstockLevel = overstockLevel;
        this.reorderPoint = reorderPoint;
        this.reorderQuantity = reorderQuantity;
        this.leadTimeDays = leadTimeDays;
    }

    private static void nonNegative(String field, Integer value) {
        if (value != null && (value < 0 || value > 1_000_000_000)) {
            throw InvalidInputException.field(field, "must be 0 or more");
        }
    }

    /** The thresholds as a value. */
    public Thresholds thresholds() {
        return new Thresholds(alertLevel, overstockLevel, reorderPoint, reorderQuantity, leadTimeDays);
    }

    public UUID getVariantId() {
        return variantId;
    }

    public Integer getAlertLevel() {
        return alertLevel;
    }

    public Integer getOverstockLevel() {
        return overstockLevel;
    }

    public Integer getReorderPoint() {
        return reorderPoint;
    }

    public Integer getReorderQuantity() {
        return reorderQuantity;
    }

    public Integer getLeadTimeDays() {
        return leadTimeDays;
    }
}
