package app.comptoir.platform;

import java.util.Set;

/**
 * An entry of the back-office navigation that a module contributes as a bean. It is shown when the
 * tenant has enabled its module (none: always) and the user holds one of its roles (empty: any role). A
 * {@code supplierSpace} entry is shown only to registered suppliers' businesses, which see only those (and the
 * administration menu).
 */
public record NavigationItem(String labelKey, String path, int order, BusinessModule module, Set<Role> roles,
                             boolean supplierSpace) {

    /** Entries from this order on are administration pages, shown together under one menu. */
    public static final int ADMINISTRATION = 900;

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    /** An entry of a merchant's back office (a registered supplier's business does not show it). */
    public NavigationItem(String labelKey, String path, int order, BusinessModule module, Set<Role> roles) {
        this(labelKey, path, order, module, roles, false);
    }

    /** Whether a user with these roles, in a tenant with these modules, sees the entry. */
    public boolean visibleTo(Set<Role> userRoles, Set<BusinessModule> enabledModules) {
        boolean moduleOn = module == null || enabledModules.contains(module);
        boolean roleOk = roles.isEmpty() || roles.stream().anyMatch(userRoles::contains);
        return moduleOn && roleOk;
    }

    /** Whether the entry belongs to the administration menu rather than the top bar. */
    public boolean administration() {
        return order >= ADMINISTRATION;
    }
}
