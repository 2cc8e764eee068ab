package app.comptoir.storefront.application;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
 *
 * <p>Every page and API call of a shop starts here, so the node remembers which business an address belongs to
 * (a short window) and reads its profile from identity's own per-node memory, which a change of the settings on
 * this node clears at once: a shop switched off (or moved to another address) is gone from this node at once, and
 * from the others within identity's window.
 */
@Service
public class ShopBusinesses {

    /** The modules that open the customer accounts. */
    private static final Set<BusinessModule> ACCOUNT_MODULES = Set.of(BusinessModule.STOREFRONT,
            BusinessModule.INSPECTIONS);

    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final Cache<String, UUID> addresses = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(10_000).build();

    ShopBusinesses(Tenants tenants, TenantContext tenantContext) {
        this.tenants = tenants;
        this.tenantContext = tenantContext;
    }

    /** The open shop at this address, or a 404. */
    public ShopBusiness open(String slug) {
        return find(slug, Set.of(BusinessModule.STOREFRONT));
    }

    /**
     * The business whose customer accounts are at this address, or a 404: its shop is on, or it has motorists who
     * sign in to find their inspections (the accounts are the storefront's, shared).
     */
    public ShopBusiness accounts(String slug) {
        return find(slug, ACCOUNT_MODULES);
    }

    private ShopBusiness find(String slug, Set<BusinessModule> anyOf) {
        if (slug == null || !slug.matches("[a-z0-9-]{1,80}")) {
            throw new NotFoundException("Shop", slug);
        }
        TenantProfile business = profile(slug)
                .filter(t -> !t.supplier() && anyOf.stream().anyMatch(t.enabledModules()::contains))
                .orElseThrow(() -> new NotFoundException("Shop", slug));
        Set<BusinessModule> modules = business.enabledModules();
        return new ShopBusiness(business.id(), business.slug(), business.name(), business.currency(), business.locale(),
                business.timezone(), business.pricesIncludeVat(), modules.contains(BusinessModule.STOREFRONT),
                modules.contains(BusinessModule.BOOKINGS), modules.contains(BusinessModule.INSPECTIONS));
    }

    private Optional<TenantProfile> profile(String slug) {
        UUID known = addresses.getIfPresent(slug);
        if (known != null) {
            TenantProfile profile = tenantContext.callAs(known, tenants::current);
            if (slug.equals(profile.slug())) {
                return Optional.of(profile);
            }
            addresses.invalidate(slug);
        }
        Optional<TenantProfile> found = tenants.bySlug(slug);
        found.ifPresent(t -> addresses.put(slug, t.id()));
        return found;
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
