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
                        Permission.CUSTOMERS_WRITE, Permission.PURCHASES_WRITE,
                        Permission.BOOKINGS_WRITE, Permission.INSPECTIONS_WRITE, Permission.PAYMENTS_RECORD, Permission.PAYMENTS_REFUND),
                Role.DRIVER, EnumSet.of(Permission.DELIVERIES),
                Role.VIEWER, EnumSet.of(Permission.READ)));
    }

    /** A matrix from its stored 'ROLE:PERMISSION' entries (unknown names, from an older release, are skipped). */
    public static PermissionMatrix fromEntries(String[] entries) {
        Map<Role, Set<Permission>> grants = new EnumMap<>(Role.class);
        for (String entry : entries) {
            String[] parts = entry.split(":", 2);
            try {
                Role role = Role.valueOf(parts[0]);
                Permission permission = Permission.valueOf(parts[1]);
                grants.computeIfAbsent(role, r -> EnumSet.noneOf(Permission.class)).add(permission);
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                // A role or permission this release no longer knows grants nothing.
            }
        }
        return new PermissionMatrix(grants);
    }

    /** The stored form: 'ROLE:PERMISSION' entries, sorted, ADMIN's fixed row left out. */
    public String[] entries() {
        return grants.entrySet().stream().filter(e -> e.getKey() != Role.ADMIN)
                .flatMap(e -> e.getValue().stream().map(p -> e.getKey().name() + ":" + p.name()))
                .sorted().toArray(String[]::new);
    }

    /** The permissions of one role. */
    public Set<Permission> of(Role role) {
        return grants.get(role);
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
