package app.comptoir.storefront.application;

import java.util.concurrent.Callable;

import org.springframework.stereotype.Service;

import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/**
 * Finds the business of a shop address ({@code /shop/{slug}}, {@code /api/v1/store/{slug}}) and runs the shop's work
 * in its tenant. A business has a shop when it is a merchant (not a registered supplier) with the STOREFRONT module
 * on; any other address is a 404 that says no more (another business's existence is not revealed).
 */
@Service
public class ShopBusinesses {

    private final Tenants tenants;
    private final TenantContext tenantContext;

    ShopBusinesses(Tenants tenants, TenantContext tenantContext) {
        this.tenants = tenants;
        this.tenantContext = tenantContext;
    }

    /** The open shop at this address, or a 404. */
    public ShopBusiness open(String slug) {
        if (slug == null || !slug.matches("[a-z0-9-]{1,80}")) {
            throw new NotFoundException("Shop", slug);
        }
        TenantProfile business = tenants.bySlug(slug)
                .filter(t -> !t.supplier() && t.enabledModules().contains(BusinessModule.STOREFRONT))
                .orElseThrow(() -> new NotFoundException("Shop", slug));
        return new ShopBusiness(business.id(), business.slug(), business.name(), business.currency(), business.locale(),
                business.timezone(), business.pricesIncludeVat());
    }

    /** Runs work as the shop's business (its row-level security applies to every statement). */
    public <T> T as(ShopBusiness shop, Callable<T> work) {
        return tenantContext.callAs(shop.tenantId(), work);
    }

    /** Runs work as the shop's business. */
    public void runAs(ShopBusiness shop, Runnable work) {
        tenantContext.runAs(shop.tenantId(), work);
    }
}
