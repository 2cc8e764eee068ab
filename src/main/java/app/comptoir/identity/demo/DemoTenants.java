package app.comptoir.identity.demo;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.domain.LoginDirectoryEntry;
import app.comptoir.identity.domain.Tenant;
import app.comptoir.identity.domain.UserAccount;
import app.comptoir.identity.persistence.LoginDirectoryRepository;
import app.comptoir.identity.persistence.TenantRepository;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * Creates the five demo businesses of {@code shared/DEMO.md}, each with one user per role
 * ({@code admin@<slug>.demo} ...), on first start with an empty database while demo mode is on.
 * Each module adds its own demo data when it hears {@link TenantCreated} with {@code demo = true}.
 */
@Component
public class DemoTenants {

    private static final Logger log = LoggerFactory.getLogger(DemoTenants.class);

    /**
     * The demo businesses: slug, name, currency, locale, time zone, and whether their prices include VAT: the
     * shops selling to consumers (garden shop, reseller, Dakar shop, inspection centre) enter shelf prices
     * including VAT; the delivery business, which sells to restaurants and offices, excluding it.
     */
    public static final List<DemoBusiness> BUSINESSES = List.of(
            new DemoBusiness("jardin-des-lilas", "Jardin des Lilas", "EUR", "fr", "Europe/Paris", true),
            new DemoBusiness("seconde-main", "Seconde Main", "EUR", "fr", "Europe/Paris", true),
            new DemoBusiness("express-livraison", "Express Livraison", "EUR", "fr", "Europe/Paris", false),
            new DemoBusiness("boutique-awa", "Boutique Awa", "XOF", "fr", "Africa/Dakar", true),
            new DemoBusiness("ct-du-centre", "CT du Centre", "EUR", "fr", "Europe/Paris", true));

    /** One demo business. */
    public record DemoBusiness(String slug, String name, String currency, String locale, String timezone,
                               boolean pricesIncludeVat) {
    }

    private final ComptoirProperties properties;
    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final LoginDirectoryRepository directory;
    private final PasswordEncoder passwords;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    DemoTenants(ComptoirProperties properties, TenantRepository tenants, UserAccountRepository users,
                LoginDirectoryRepository directory, PasswordEncoder passwords, TenantContext tenantContext,
                PlatformTransactionManager txManager, ApplicationEventPublisher events) {
        this.properties = properties;
        this.tenants = tenants;
        this.users = users;
        this.directory = directory;
        this.passwords = passwords;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.events = events;
    }

    /** Whether demo mode is on (logins are shown on the login page). */
    public boolean enabled() {
        return properties.demoEnabled();
    }

    /** The one demo password. */
    public String password() {
        return properties.demo().password();
    }

    @EventListener(ApplicationReadyEvent.class)
    void createOnFirstStart() {
        if (!properties.demoEnabled() || tenants.count() > 0) {
            return;
        }
        String hash = passwords.encode(properties.demo().password());
        for (DemoBusiness business : BUSINESSES) {
            UUID tenantId = UUID.nameUUIDFromBytes(("comptoir-demo:" + business.slug()).getBytes());
            tenantContext.runAs(tenantId, () -> tx.executeWithoutResult(status -> {
                Tenant tenant = new Tenant(tenantId, business.name(), business.slug(), business.currency(),
                        business.locale(), business.timezone(), EnumSet.allOf(BusinessModule.class), true,
                        business.pricesIncludeVat());
                tenants.save(tenant);
                for (Role role : Role.values()) {
                    String email = role.name().toLowerCase() + "@" + business.slug() + ".demo";
                    UUID userId = UUID.nameUUIDFromBytes(("comptoir-demo:" + email).getBytes());
                    users.save(new UserAccount(userId, tenantId, email, displayName(role), hash, Set.of(role)));
                    directory.save(new LoginDirectoryEntry(email, tenantId, userId));
                }
                for (String[] driver : extraDrivers(business.slug())) {
                    String email = driver[0] + "@" + business.slug() + ".demo";
                    UUID userId = UUID.nameUUIDFromBytes(("comptoir-demo:" + email).getBytes());
                    users.save(new UserAccount(userId, tenantId, email, driver[1], hash, Set.of(Role.DRIVER)));
                    directory.save(new LoginDirectoryEntry(email, tenantId, userId));
                }
                events.publishEvent(new TenantCreated(tenantId, business.slug(), true));
            }));
        }
        log.info("Demo mode: created {} demo businesses; sign in as admin@jardin-des-lilas.demo", BUSINESSES.size());
    }

    /** The delivery business has three drivers: {@code driver@}, {@code driver2@} and {@code driver3@express-livraison.demo}. */
    private static List<String[]> extraDrivers(String slug) {
        return "express-livraison".equals(slug)
                ? List.of(new String[] {"driver2", "Karim Benali"}, new String[] {"driver3", "Inès Moreau"})
                : List.of();
    }

    private static String displayName(Role role) {
        return switch (role) {
            case ADMIN -> "Camille Martin";
            case MANAGER -> "Julien Bernard";
            case DRIVER -> "Sofiane Haddad";
            case VIEWER -> "Léa Petit";
        };
    }
}
