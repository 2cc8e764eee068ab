package app.comptoir.identity.domain;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.AuditedEntity;
import app.comptoir.platform.BusinessModule;

/** A business using Comptoir: its profile, currency, language, time zone and enabled modules. */
@Entity
@Table(name = "tenants")
@AuditTrail("tenant")
public class Tenant extends AuditedEntity {

    private String name;
    private String slug;
    private String currency;
    private String locale;
    private String timezone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "enabled_modules", columnDefinition = "text[]")
    private String[] enabledModules;

    private boolean demo;

    /** Whether the business's prices include VAT (TTC) or exclude it (HT). */
    @Column(name = "prices_include_vat")
    private boolean pricesIncludeVat;

    /** The business's role matrix as 'ROLE:PERMISSION' entries; null: the default matrix. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "role_permissions", columnDefinition = "text[]")
    private String[] rolePermissions;

    /** A merchant or a registered supplier; set at creation, never changed. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private app.comptoir.identity.BusinessKind kind = app.comptoir.identity.BusinessKind.MERCHANT;

    protected Tenant() {
    }

    public Tenant(UUID id, String name, String slug, String currency, String locale, String timezone,
                  Set<BusinessModule> modules, boolean demo, boolean pricesIncludeVat,
                  app.comptoir.identity.BusinessKind kind) {
        this(id, name, slug, currency, locale, timezone, modules, demo, pricesIncludeVat);
        this.kind = kind;
    }

    public app.comptoir.identity.BusinessKind getKind() {
        return kind;
    }

    public Tenant(UUID id, String name, String slug, String currency, String locale, String timezone,
                  Set<BusinessModule> modules, boolean demo, boolean pricesIncludeVat) {
        super(id);
        this.pricesIncludeVat = pricesIncludeVat;
        this.name = name;
        this.slug = slug;
        this.currency = currency;
        this.locale = locale;
        this.timezone = timezone;
        this.demo = demo;
        setEnabledModules(modules);
    }

    public void update(String name, String slug, String currency, String locale, String timezone,
                       Set<BusinessModule> modules, boolean pricesIncludeVat) {
        this.pricesIncludeVat = pricesIncludeVat;
        this.name = name;
        this.slug = slug;
        this.currency = currency;
        this.locale = locale;
        this.timezone = timezone;
        setEnabledModules(modules);
    }

    /** Who may do what in this business (ADMIN's row is fixed, so it is not stored). */
    public PermissionMatrix getPermissionMatrix() {
        return rolePermissions == null ? PermissionMatrix.defaults() : PermissionMatrix.fromEntries(rolePermissions);
    }

    /** Adopts a new role matrix. */
    public void changePermissionMatrix(PermissionMatrix matrix) {
        this.rolePermissions = matrix.entries();
    }

    private void setEnabledModules(Set<BusinessModule> modules) {
        this.enabledModules = modules.stream().sorted().map(BusinessModule::name).toArray(String[]::new);
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getCurrency() {
        return currency;
    }

    public String getLocale() {
        return locale;
    }

    public String getTimezone() {
        return timezone;
    }

    public boolean isPricesIncludeVat() {
        return pricesIncludeVat;
    }

    public boolean isDemo() {
        return demo;
    }

    public Set<BusinessModule> getEnabledModules() {
        Set<BusinessModule> set = EnumSet.noneOf(BusinessModule.class);
        for (String m : enabledModules) {
            try {
                set.add(BusinessModule.valueOf(m));
            } catch (IllegalArgumentException ignored) {
                // a module removed from the product: ignore it
            }
        }
        return set;
    }
}
