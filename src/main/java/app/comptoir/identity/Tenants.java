package app.comptoir.identity;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.domain.BusinessSettingsRules;
import app.comptoir.identity.domain.PermissionMatrix;
import app.comptoir.identity.domain.Tenant;
import app.comptoir.identity.persistence.TenantRepository;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.CacheEvictions;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.NodeMemory;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * The current tenant's settings.
 *
 * <p>They are read on many requests (currency and time zone of every order and quote, the page shell) and
 * change rarely, so each node remembers a tenant's profile for a short window: a change made on this node
 * evicts it at once (and again after the commit, so a reader of the old row cannot put it back); other nodes
 * of a cluster forget it a moment after the commit ({@link CacheEvictions}), or within the window if that notice
 * was lost.
 */
@Service
public class Tenants {

    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;
    private static final String PROFILES = "tenant-profile";

    private final TenantRepository tenants;
    private final TenantContext tenantContext;
    private final TransactionTemplate readOnly;
    private final Cache<UUID, TenantProfile> known;
    private final Permissions permissions;
    private final CacheEvictions evictions;

    Tenants(TenantRepository tenants, TenantContext tenantContext, PlatformTransactionManager txManager, Permissions permissions,
            CacheEvictions evictions) {
        this.permissions = permissions;
        this.evictions = evictions;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.readOnly = new TransactionTemplate(txManager);
        this.readOnly.setReadOnly(true);
        this.known = Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(MAX_ENTRIES).build();
        evictions.onForget(PROFILES, id -> known.invalidate(UUID.fromString(id)), known::invalidateAll);
    }

    /**
     * New settings for the tenant; {@code pricesIncludeVat} null keeps the current mode (a client that does not
     * know the setting yet does not switch it).
     */
    public record TenantSettings(String name, String slug, String currency, String locale, String timezone,
                                 Set<BusinessModule> enabledModules, Boolean pricesIncludeVat) {
    }

    /** The current tenant's profile (from this node's memory when read less than a moment ago). */
    public TenantProfile current() {
        return NodeMemory.get(known, tenantContext.requireTenant(), id -> readOnly.execute(status -> profile(load())));
    }

    /** The business at this address, if any (e.g. the registered supplier a demo shop buys from). */
    public Optional<TenantProfile> bySlug(String slug) {
        return readOnly.execute(status -> tenants.findBySlug(slug).map(Tenants::profile));
    }

    /** The addresses of the merchants that have this module on (e.g. the open shops, for robots.txt), in address order. */
    public java.util.List<String> merchantSlugsWith(BusinessModule module) {
        return readOnly.execute(status -> tenants.merchantSlugsWith(module.name()));
    }

    @Transactional
    public TenantProfile update(TenantSettings settings) {
        permissions.require(Permission.SETTINGS_MANAGE);
        Tenant tenant = load();
        String name = BusinessSettingsRules.name("name", settings.name());
        String slug = BusinessSettingsRules.slug(settings.slug());
        if (tenants.existsBySlugAndIdNot(slug, tenant.getId())) {
            throw new ConflictException("slug-taken", "Another business already uses the address '" + slug + "'");
        }
        String currency = BusinessSettingsRules.currency(settings.currency());
        String locale = BusinessSettingsRules.locale(settings.locale());
        String timezone = BusinessSettingsRules.timezone(settings.timezone());
        Set<BusinessModule> modules = settings.enabledModules() == null || settings.enabledModules().isEmpty()
                ? EnumSet.noneOf(BusinessModule.class) : EnumSet.copyOf(settings.enabledModules());
        // Quotes and orders keep the mode they were priced in (see sales' Pricing): only new ones follow.
        tenant.update(name, slug, currency, locale, timezone, modules,
                settings.pricesIncludeVat() == null ? tenant.isPricesIncludeVat() : settings.pricesIncludeVat());
        tenants.flush();
        forget(tenant.getId());
        return profile(tenant);
    }

    /**
     * Adopts a new role matrix for the business: what MANAGER, DRIVER and VIEWER may do (ADMIN's row is fixed).
     * A role left out may do nothing. Audited with the tenant row; every node applies it within the profile's
     * window, this one at once.
     */
    @Transactional
    public TenantProfile changePermissions(Map<Role, Set<Permission>> grants) {
        permissions.require(Permission.SETTINGS_MANAGE);
        Tenant tenant = load();
        tenant.changePermissionMatrix(new PermissionMatrix(grants == null ? Map.of() : withoutNulls(grants)));
        tenants.flush();
        forget(tenant.getId());
        return profile(tenant);
    }

    private static Map<Role, Set<Permission>> withoutNulls(Map<Role, Set<Permission>> grants) {
        Map<Role, Set<Permission>> clean = new EnumMap<>(Role.class);
        grants.forEach((role, given) -> {
            if (role != null && given != null) {
                clean.put(role, given.stream().filter(Objects::nonNull).collect(Collectors.toSet()));
            }
        });
        return clean;
    }

    private void forget(UUID id) {
        known.invalidate(id);
        evictions.forget(PROFILES, id.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    known.invalidate(id);
                }
            });
        }
    }

    /**
     * Whether the business's settings were saved at least once since sign-up (the first step of the home
     * page's first-run guide): the tenant row has been updated since it was created.
     */
    @Transactional(readOnly = true)
    public boolean settingsSaved() {
        return load().getVersion() > 0;
    }

    private Tenant load() {
        UUID id = tenantContext.requireTenant();
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("Tenant", id));
    }

    static TenantProfile profile(Tenant t) {
        return new TenantProfile(t.getId(), t.getName(), t.getSlug(), t.getCurrency(), t.getLocale(), t.getTimezone(),
                t.getEnabledModules(), t.isDemo(), t.getPermissionMatrix().grants(), t.isPricesIncludeVat(),
                t.getKind());
    }
}
