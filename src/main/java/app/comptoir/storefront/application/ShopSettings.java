package app.comptoir.storefront.application;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.storefront.domain.DeliveryRules;
import app.comptoir.storefront.persistence.CheckoutStore;

/** The shop's delivery rules, read by the shop and set by the business's administrators (SETTINGS_MANAGE). */
@Service
@Transactional
public class ShopSettings {

    private final CheckoutStore store;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final Clock clock;

    ShopSettings(CheckoutStore store, Tenants tenants, TenantContext tenantContext, Permissions permissions, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The current business's delivery rules (free delivery, no slots, until it sets some). */
    @Transactional(readOnly = true)
    public DeliveryRules rules() {
        return store.rules(tenantContext.requireTenant())
                .orElseGet(() -> DeliveryRules.free(tenants.current().currency()));
    }

    /** Replaces the delivery rules (400 naming every broken field). */
    public DeliveryRules save(DeliveryRules rules) {
        permissions.require(Permission.SETTINGS_MANAGE);
        if (rules == null) {
            throw app.comptoir.platform.InvalidInputException.field("flatFee", "is required");
        }
        DeliveryRules valid = rules.validated(tenants.current().currency());
        store.storeRules(tenantContext.requireTenant(), valid, clock.instant());
        return valid;
    }
}
