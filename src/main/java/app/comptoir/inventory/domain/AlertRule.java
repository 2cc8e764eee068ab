package app.comptoir.inventory.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantOwnedEntity;

/**
 * One of the tenant's alert rules: on or off, a threshold where it applies (LOW_STOCK: a percentage of
 * the reorder point used when a variant has no alert level; SLOW_MOVING: days without goods going out)
 * and the channels to notify.
 */
@Entity
@Table(name = "stock_alert_rules")
@AuditTrail("stock-alert-rule")
public class AlertRule extends TenantOwnedEntity {

    /** Channels an alert can be sent through (only in-app exists for now; the notifications module adds the rest). */
    public static final Set<String> CHANNELS = Set.of("IN_APP", "EMAIL", "PUSH", "WEBHOOK");

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AlertType type;

    private boolean enabled;

    private Integer threshold;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] channels;

    protected AlertRule() {
    }

    public AlertRule(UUID id, UUID tenantId, AlertType type) {
        super(id, tenantId);
        this.type = type;
        this.enabled = type != AlertType.LATE_DELIVERY;
        this.threshold = type == AlertType.SLOW_MOVING ? SlowMoving.DEFAULT_DAYS : null;
        this.channels = new String[] {"IN_APP"};
    }

    /** Changes the rule; a slow-moving rule needs a number of days. */
    public void change(boolean enabled, Integer threshold, List<String> channels) {
        if (threshold != null && threshold < 1) {
            throw InvalidInputException.field("threshold", "must be 1 or more");
        }
        if (type == AlertType.LOW_STOCK && threshold != null && threshold > 1000) {
            throw InvalidInputException.field("threshold", "must be a percentage up to 1000");
        }
        if (type == AlertType.SLOW_MOVING && threshold == null) {
            threshold = SlowMoving.DEFAULT_DAYS;
        }
        List<String> clean = channels == null || channels.isEmpty() ? List.of("IN_APP") : channels;
        for (String channel : clean) {
            if (!CHANNELS.contains(channel)) {
                throw InvalidInputException.field("channels", "unknown channel " + channel);
            }
        }
        this.enabled = enabled;
        this.threshold = threshold;
        this.channels = clean.stream().distinct().toArray(String[]::new);
    }

    public AlertType getType() {
        return type;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Integer getThreshold() {
        return threshold;
    }

    public List<String> getChannels() {
        return List.of(channels);
    }
}
