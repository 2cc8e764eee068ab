package app.comptoir.identity;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Role;

/**
 * A tenant's settings as other modules and the API see them, with its role matrix ({@code permissions}: what
 * each role may do), whether its prices include VAT ({@code pricesIncludeVat}: TTC) or exclude it (HT), and its
 * kind (a merchant, or a registered supplier).
 */
public record TenantProfile(UUID id, String name, String slug, String currency, String locale, String timezone,
                            Set<BusinessModule> enabledModules, boolean demo, Map<Role, Set<Permission>> permissions,
                            boolean pricesIncludeVat, BusinessKind kind) {

    /** Whether this business is a registered supplier (its screens are the supplier's space). */
    public boolean supplier() {
        return kind == BusinessKind.SUPPLIER;
    }
}
