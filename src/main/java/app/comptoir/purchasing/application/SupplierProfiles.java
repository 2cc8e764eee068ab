package app.comptoir.purchasing.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.BusinessTime;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.purchasing.domain.SupplierOfferRules;
import app.comptoir.purchasing.domain.SupplierOfferRules.ProfileSpec;
import app.comptoir.purchasing.persistence.MarketplaceReads;
import app.comptoir.purchasing.persistence.SupplierOrderReads;
import app.comptoir.purchasing.persistence.SupplierProductStore;
import app.comptoir.purchasing.persistence.SupplierProfileStore;

/**
 * Registered suppliers' commercial profiles: created when a supplier business signs up (or registers through a
 * shopkeeper's invitation, then verified), edited by the supplier (never its {@code verified} flag, which only the
 * platform sets), and the supplier space's dashboard.
 */
@Service
public class SupplierProfiles {

    /** The listener's id in the event publication registry (stable across renames). */
    static final String ON_TENANT_CREATED = "purchasing.supplier-profile-on-signup";

    private static final Logger log = LoggerFactory.getLogger(SupplierProfiles.class);

    private final SupplierProfileStore profiles;
    private final SupplierProductStore products;
    private final SupplierOrderReads orders;
    private final MarketplaceReads marketplace;
    private final SupplierSpace space;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final BusinessTime businessTime;
    private final Clock clock;
    private final TransactionTemplate tx;

    SupplierProfiles(SupplierProfileStore profiles, SupplierProductStore products, SupplierOrderReads orders,
                     MarketplaceReads marketplace, SupplierSpace space, Tenants tenants, TenantContext tenantContext,
                     Permissions permissions, BusinessTime businessTime, Clock clock,
                     PlatformTransactionManager txManager) {
        this.profiles = profiles;
        this.products = products;
        this.orders = orders;
        this.marketplace = marketplace;
        this.space = space;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.businessTime = businessTime;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** A profile as the supplier and the marketplace see it. */
    public record ProfileView(UUID supplierTenantId, String company, String description, String city,
                              List<String> deliveryZones, List<String> categories, BigDecimal minimumOrder,
                              String currency, Integer averageDeliveryDays, String phone, String email,
                              boolean verified) {

        static ProfileView of(SupplierProfileStore.Row r) {
            return new ProfileView(r.tenantId(), r.company(), r.description(), r.city(), r.deliveryZones(),
                    r.categories(), r.minimumOrder(), r.currency(), r.averageDeliveryDays(), r.phone(), r.email(),
                    r.verified());
        }
    }

    /** What the supplier may change in its profile. */
    public record ProfileChange(String company, String description, String city, List<String> deliveryZones,
                                List<String> categories, BigDecimal minimumOrder, Integer averageDeliveryDays,
                                String phone, String email) {
    }

    /** The supplier space's home: catalog size, received orders by status, this month's delivered revenue, rating. */
    public record Dashboard(long catalogSize, Map<String, Long> ordersByStatus, BigDecimal deliveredThisMonth,
                            String currency, Double ratingAverage, long ratingCount, boolean verified) {
    }

    /** A new supplier business gets its (unverified) profile, named after the business. Demo suppliers are the demo's. */
    @ApplicationModuleListener(id = ON_TENANT_CREATED, propagation = Propagation.NOT_SUPPORTED)
    void on(TenantCreated event) {
        if (event.demo()) {
            return;
        }
        tenantContext.runAs(event.tenantId(), () -> tx.executeWithoutResult(status -> {
            TenantProfile tenant = tenants.current();
            if (tenant.supplier()) {
                profiles.create(tenant.id(), tenant.name(), tenant.currency(), null, false, clock.instant());
                log.info("Supplier profile created for business {}", tenant.slug());
            }
        }));
    }

    /** The current supplier's profile (created now if the sign-up's reaction has not run yet). */
    @Transactional
    public ProfileView current() {
        permissions.require(Permission.READ);
        TenantProfile tenant = space.requireSupplier();
        return ProfileView.of(ensure(tenant));
    }

    /** Saves the profile; every field in error is reported at once. */
    @Transactional
    public ProfileView change(ProfileChange change) {
        permissions.require(Permission.PURCHASES_WRITE);
        TenantProfile tenant = space.requireSupplier();
        ProfileSpec spec = SupplierOfferRules.profile(change.company(), change.description(), change.city(),
                change.deliveryZones(), change.categories(), change.minimumOrder(), change.averageDeliveryDays(),
                change.phone(), change.email(), tenant.currency());
        ensure(tenant);
        profiles.update(tenant.id(), spec, tenantContext.principal().map(p -> p.userId()).orElse(null), clock.instant());
        return ProfileView.of(profiles.find(tenant.id()).orElseThrow());
    }

    /** The supplier space's dashboard. */
    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        permissions.require(Permission.READ);
        TenantProfile tenant = space.requireSupplier();
        ZoneId zone = businessTime.zone();
        Instant monthStart = businessTime.today().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        MarketplaceReads.RatingSummary rating = marketplace.rating(tenant.id());
        boolean verified = profiles.find(tenant.id()).map(SupplierProfileStore.Row::verified).orElse(false);
        return new Dashboard(products.count(tenant.id(), ""), orders.countsByStatus(tenant.id()),
                orders.deliveredSince(tenant.id(), monthStart), tenant.currency(), rating.average(), rating.count(),
                verified);
    }

    /**
     * Creates the verified profile of a supplier business registered through a shopkeeper's invitation (runs for
     * that business, in the caller's transaction).
     */
    void createVerified(UUID supplierTenantId, String company, String currency, String email) {
        profiles.create(supplierTenantId, company, currency, email, true, clock.instant());
    }

    private SupplierProfileStore.Row ensure(TenantProfile tenant) {
        return profiles.find(tenant.id()).orElseGet(() -> {
            profiles.create(tenant.id(), tenant.name(), tenant.currency(), null, false, clock.instant());
            return profiles.find(tenant.id()).orElseThrow();
        });
    }
}
