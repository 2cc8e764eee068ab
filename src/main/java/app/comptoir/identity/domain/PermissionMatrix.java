package app.comptoir.identity.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import app.comptoir.platform.Permission;
import app.comptoir.platform.Role;

/**
 * Which role may perform which business act. The default follows the order-and-delivery business:
 * ADMIN everything; MANAGER products, stock, alerts, customers and orders (not product deletion,
 * categories, users, settings or the audit trail); DRIVER their own deliveries; VIEWER reads.
 * ADMIN's row is fixed: a business can never lock its administrators out.
 */
public record PermissionMatrix(Map<Role, Set<Permission>> grants) {

    public PermissionMatrix {
        EnumMap<Role, Set<Permission>> copy = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Set<Permission> given = grants.get(role);
            copy.put(role, role == Role.ADMIN ? Set.copyOf(EnumSet.allOf(Permission.class))
                    : given == null || given.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(given)));
        }
        grants = Map.copyOf(copy);
    }

    /** The matrix every business starts with. */
    public static PermissionMatrix defaults() {
        return new PermissionMatrix(Map.of(
                Role.MANAGER, EnumSet.of(Permission.READ, Permission.CATALOG_WRITE, Permission.STOCK_WRITE,
                        Permission.ALERTS_MANAGE, Permission.ORDERS_WRITE, Permission.DELIVERIES,
                        Permission.CUSTOMERS_WRITE),
                Role.DRIVER, EnumSet.of(Permission.DELIVERIES),
                Role.VIEWER, EnumSet.of(Permission.READ)));
    }

    /** Whether any of the roles grants the permission. */
    public boolean allows(Set<Role> roles, Permission permission) {
        for (Role role : roles) {
            if (grants.get(role).contains(permission)) {
                return true;
            }
        }
        return false;
    }
}
