package app.comptoir.identity.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.BusinessKind;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.domain.LoginDirectoryEntry;
import app.comptoir.identity.domain.Tenant;
import app.comptoir.identity.domain.UserAccount;
import app.comptoir.identity.persistence.LoginDirectoryRepository;
import app.comptoir.identity.persistence.TenantRepository;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.DemoProgress;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * Creates the demo businesses of {@code shared/DEMO.md} (five merchants and two registered suppliers), each with one user per role
 * ({@code admin@<slug>.demo} ...), on first start with an empty database while demo mode is on.
 * Each module adds its own demo data when it hears {@link TenantCreated} with {@code demo = true}.
 *
 * <p>The logins are created first, within a second of the start; the
 * modules' data (a year of orders in the garden shop) then loads on a background thread while
 * {@link DemoProgress} drives a banner, unless {@code comptoir.demo.background=false} (the integration
 * tests, which want the data complete when the context is).
 */
@Component
public class DemoTenants {

    private static final Logger log = LoggerFactory.getLogger(DemoTenants.class);

    /**
     * The demo businesses: slug, name, currency, locale, time zone, and whether their prices include VAT: the
     * shops selling to consumers (garden shop, reseller, Dakar shop, inspection centre) enter shelf prices
     * including VAT; the delivery business, which sells to restaurants and offices, excluding it; so do the two
     * wholesalers, registered suppliers selling to shops.
     */
    public static final List<DemoBusiness> BUSINESSES = List.of(
            new DemoBusiness("jardin-des-lilas", "Jardin des Lilas", "EUR", "fr", "Europe/Paris", true, BusinessKind.MERCHANT),
            new DemoBusiness("seconde-main", "Seconde Main", "EUR", "fr", "Europe/Paris", true, BusinessKind.MERCHANT),
            new DemoBusiness("express-livraison", "Express Livraison", "EUR", "fr", "Europe/Paris", false, BusinessKind.MERCHANT),
            new DemoBusiness("boutique-awa", "Boutique Awa", "XOF", "fr", "Africa/Dakar", true, BusinessKind.MERCHANT),
            new DemoBusiness("ct-du-centre", "CT du Centre", "EUR", "fr", "Europe/Paris", true, BusinessKind.MERCHANT),
            // The registered suppliers come last: their announcement follows their customers' (see fill).
            new DemoBusiness("grossiste-sandaga", "Grossiste Sandaga", "XOF", "fr", "Africa/Dakar", false, BusinessKind.SUPPLIER),
            new DemoBusiness("agri-lyon", "Agri Lyon", "EUR", "fr", "Europe/Paris", false, BusinessKind.SUPPLIER));

    /** The inspection centre, the demo business that takes appointments. */
    static final String INSPECTION_CENTRE = "ct-du-centre";

    /** The second-hand reseller, the demo business that sells on Vinted (channels). */
    static final String SECOND_HAND = "seconde-main";

    /** One demo business. */
    public record DemoBusiness(String slug, String name, String currency, String locale, String timezone,
                               boolean pricesIncludeVat, BusinessKind kind) {
    }

    private final ComptoirProperties properties;
    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final LoginDirectoryRepository directory;
    private final PasswordEncoder passwords;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final DemoProgress progress;
    private final boolean background;

    DemoTenants(ComptoirProperties properties, TenantRepository tenants, UserAccountRepository users,
                LoginDirectoryRepository directory, PasswordEncoder passwords, TenantContext tenantContext,
                PlatformTransactionManager txManager, ApplicationEventPublisher events, DemoProgress progress,
                @Value("${comptoir.demo.background:true}") boolean background) {
        this.progress = progress;
        this.background = background;
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
        long start = System.nanoTime();
        String hash = passwords.encode(properties.demo().password());
        List<UUID> ids = new ArrayList<>();
        for (DemoBusiness business : BUSINESSES) {
            UUID tenantId = UUID.nameUUIDFromBytes(("comptoir-demo:" + business.slug()).getBytes());
            ids.add(tenantId);
            tenantContext.runAs(tenantId, () -> tx.executeWithoutResult(status -> createLogins(tenantId, business, hash)));
        }
        log.info("Demo mode: created {} demo businesses and their logins ({} ms); sign in as admin@jardin-des-lilas.demo",
                BUSINESSES.size(), (System.nanoTime() - start) / 1_000_000);
        progress.begin();
        if (background) {
            // The logins work now; the catalogs, stock and a year of orders fill in behind a progress banner.
            Thread.ofPlatform().name("demo-data").daemon().start(() -> fill(ids));
        } else {
            fill(ids);
        }
    }

    private void createLogins(UUID tenantId, DemoBusiness business, String hash) {
        Set<BusinessModule> modules = modules(business);
        Tenant tenant = new Tenant(tenantId, business.name(), business.slug(), business.currency(),
                business.locale(), business.timezone(), modules, true,
                business.pricesIncludeVat(), business.kind());
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
    }

    /**
     * Announces each demo business to the modules, which load their demo data after the commit (catalog,
     * stock, then sales, in that order). The garden shop comes first: it is the one the README signs in to.
     * A start stopped half-way leaves the announcements' publications incomplete: the next start replays them.
     */
    private void fill(List<UUID> ids) {
        long start = System.nanoTime();
        try {
            for (int i = 0; i < BUSINESSES.size(); i++) {
                DemoBusiness business = BUSINESSES.get(i);
                UUID tenantId = ids.get(i);
                tenantContext.runAs(tenantId, () -> tx.executeWithoutResult(status ->
                        events.publishEvent(new TenantCreated(tenantId, business.slug(), true))));
            }
            log.info("Demo data loaded ({} ms)", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Demo data not fully loaded; the next start completes it", e);
        } finally {
            progress.finish();
        }
    }

    /**
     * The modules a demo business works with: a registered supplier sells through its purchasing space only (catalog,
     * received orders); the inspection centre takes appointments and payments and sells no goods (no catalog, stock,
     * sales, purchasing nor their statistics); the shops use everything but appointments, and only the second-hand
     * reseller sells through outside marketplaces (channels).
     */
    static Set<BusinessModule> modules(DemoBusiness business) {
        if (business.kind() == BusinessKind.SUPPLIER) {
            return EnumSet.of(BusinessModule.PURCHASING);
        }
        if (INSPECTION_CENTRE.equals(business.slug())) {
            return EnumSet.of(BusinessModule.BOOKINGS, BusinessModule.PAYMENTS, BusinessModule.INSPECTIONS,
                    BusinessModule.NOTIFICATIONS);
        }
        Set<BusinessModule> shop = EnumSet.allOf(BusinessModule.class);
        shop.removeAll(EnumSet.of(BusinessModule.BOOKINGS, BusinessModule.INSPECTIONS));
        if (!SECOND_HAND.equals(business.slug())) {
            shop.remove(BusinessModule.CHANNELS); // only the second-hand reseller cross-lists on Vinted
        }
        return shop;
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
