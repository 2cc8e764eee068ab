package app.comptoir.identity.application;

import org.springframework.stereotype.Component;

import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessPrices;

/** The current business's price mode, from its settings (cached with the tenant's profile). */
@Component
class TenantPrices implements BusinessPrices {

    private final Tenants tenants;

    TenantPrices(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public boolean includeVat() {
        return tenants.current().pricesIncludeVat();
    }
}
