package app.comptoir.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.domain.Tenant;
import app.comptoir.identity.domain.TenantRepository;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Currencies;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;

/** The current tenant's settings. */
@Service
public class TenantService {

    private final TenantRepository tenants;
    private final TenantContext tenantContext;

    TenantService(TenantRepository tenants, TenantContext tenantContext) {
        this.tenants = tenants;
        this.tenantContext = tenantContext;
    }

    /** New settings for the tenant. */
    public record TenantSettings(String name, String slug, String currency, String locale, String timezone,
                                 Set<BusinessModule> enabledModules) {
    }

    @Transactional(readOnly = true)
    public TenantProfile current() {
        return profile(load());
    }

    @Transactional
    public TenantProfile update(TenantSettings settings) {
        Tenant tenant = load();
        String name = settings.name() == null ? "" : settings.name().trim();
        if (name.length() < 2 || name.length() > 120) {
            throw InvalidInputException.field("name", "must be between 2 and 120 characters");
        }
        String slug = settings.slug() == null ? "" : settings.slug().trim();
        if (!Slugs.VALID.matcher(slug).matches()) {
            throw InvalidInputException.field("slug", "must be 1 to 60 lower-case letters, digits or dashes");
        }
        if (tenants.existsBySlugAndIdNot(slug, tenant.getId())) {
            throw new ConflictException("slug-taken", "Another business already uses the address '" + slug + "'");
        }
        String currency = settings.currency() == null ? "" : settings.currency().trim().toUpperCase(java.util.Locale.ROOT);
        if (!Currencies.isSupported(currency)) {
            throw InvalidInputException.field("currency", "must be one of " + Currencies.SUPPORTED);
        }
        if (!"fr".equals(settings.locale()) && !"en".equals(settings.locale())) {
            throw InvalidInputException.field("locale", "must be fr or en");
        }
        try {
            ZoneId.of(settings.timezone() == null ? "" : settings.timezone());
        } catch (DateTimeException e) {
            throw InvalidInputException.field("timezone", "must be a time zone such as Europe/Paris or Africa/Dakar");
        }
        Set<BusinessModule> modules = settings.enabledModules() == null || settings.enabledModules().isEmpty()
                ? EnumSet.noneOf(BusinessModule.class) : EnumSet.copyOf(settings.enabledModules());
        tenant.update(name, slug, currency, settings.locale(), settings.timezone(), modules);
        tenants.flush();
        return profile(tenant);
    }

    private Tenant load() {
        var id = tenantContext.requireTenant();
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("Tenant", id));
    }

    static TenantProfile profile(Tenant t) {
        return new TenantProfile(t.getId(), t.getName(), t.getSlug(), t.getCurrency(), t.getLocale(), t.getTimezone(),
                t.getEnabledModules(), t.isDemo());
    }
}
