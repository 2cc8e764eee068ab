package app.comptoir.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.inventory.application.AlertRules;
import app.comptoir.inventory.domain.AlertType;
import app.comptoir.inventory.persistence.AlertStore;
import app.comptoir.platform.TenantContext;

/**
 * Alerts other modules raise about what they follow, through the business's alert rules: a purchase order
 * delivered late (LATE_DELIVERY). The rule decides whether to alert (enabled), from how many days late (its
 * threshold, 0 when unset) and through which channels ({@link StockAlertRaised}, which notifications delivers).
 */
@Service
@Transactional
public class StockAlerts {

    private final AlertStore store;
    private final AlertRules rules;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StockAlerts(AlertStore store, AlertRules rules, TenantContext tenantContext, Clock clock,
                ApplicationEventPublisher events) {
        this.store = store;
        this.rules = rules;
        this.tenantContext = tenantContext;
        this.clock = clock;
        this.events = events;
    }

    /** The days late before a late delivery is alerted, or empty when the business's LATE_DELIVERY rule is off. */
    @Transactional(readOnly = true)
    public java.util.OptionalInt lateDeliveryThreshold() {
        Map<AlertType, Integer> enabled = rules.enabled(tenantContext.requireTenant());
        if (!enabled.containsKey(AlertType.LATE_DELIVERY)) {
            return java.util.OptionalInt.empty();
        }
        Integer days = enabled.get(AlertType.LATE_DELIVERY);
        return java.util.OptionalInt.of(days == null ? 0 : days);
    }

    /**
     * Raises the late-delivery alert of a purchase order (once while it is open) if the rule is on and the order
     * is more than the rule's days late; whether an alert was raised now.
     */
    public boolean raiseLateDelivery(UUID orderId, String number, LocalDate expectedOn, int daysLate) {
        var threshold = lateDeliveryThreshold();
        if (threshold.isEmpty() || daysLate <= threshold.getAsInt()) {
            return false;
        }
        UUID tenant = tenantContext.requireTenant();
        AlertStore.Raised raised = store.raiseReferenced(tenant, AlertType.LATE_DELIVERY, orderId, number, daysLate,
                threshold.getAsInt(), clock.instant());
        if (raised == null) {
            return false;
        }
        events.publishEvent(new StockAlertRaised(tenant, raised.id(), AlertType.LATE_DELIVERY.name(),
                AlertType.LATE_DELIVERY.severity(), null, null, daysLate, raised.channels(), orderId, number));
        return true;
    }

    /** Resolves the open late-delivery alert of a purchase order (delivered or cancelled); whether there was one. */
    public boolean resolveLateDelivery(UUID orderId) {
        return store.resolveReferenced(tenantContext.requireTenant(), AlertType.LATE_DELIVERY, orderId,
                clock.instant());
    }
}
