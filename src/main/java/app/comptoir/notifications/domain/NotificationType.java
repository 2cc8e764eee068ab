package app.comptoir.notifications.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import app.comptoir.platform.Role;

/**
 * What a notice is about, the key preferences are stored under. Who hears it: the business's staff (any role
 * besides driver) for the orders and stock; the order's driver too where the event names one
 * ({@link #driverHears}); only the named driver for {@link #DRIVER_ASSIGNED}.
 */
public enum NotificationType {
    ORDER_CREATED("order.created", true, false),
    ORDER_CONFIRMED("order.confirmed", true, false),
    ORDER_DELIVERED("order.delivered", true, true),
    ORDER_CANCELLED("order.cancelled", true, false),
    DRIVER_ASSIGNED("order.driver_assigned", false, true),
    DELIVERY_FAILED("order.delivery_failed", true, true),
    STOCK_OUT("stock.out", true, false),
    STOCK_ALERT("stock.alert", true, false),
    PURCHASE_UNCONFIRMED("purchase.unconfirmed", true, false);

    private final String key;
    private final boolean staffHears;
    private final boolean driverHears;

    NotificationType(String key, boolean staffHears, boolean driverHears) {
        this.key = key;
        this.staffHears = staffHears;
        this.driverHears = driverHears;
    }

    /** The stable key, e.g. {@code order.created} (stored, and used in message keys). */
    public String key() {
        return key;
    }

    public static Optional<NotificationType> ofKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    /**
     * Whether a user with these roles hears this event: staff hear the business's events, a driver only
     * those of the orders they drive ({@code theirOrder}: the event names them as the order's driver).
     */
    public boolean concerns(Set<Role> roles, boolean theirOrder) {
        if (driverHears && theirOrder) {
            return true;
        }
        return staffHears && isStaff(roles);
    }

    /** Whether the preferences page offers this type to a user with these roles. */
    public boolean offeredTo(Set<Role> roles) {
        return (staffHears && isStaff(roles)) || (driverHears && roles.contains(Role.DRIVER));
    }

    private static boolean isStaff(Set<Role> roles) {
        return roles.stream().anyMatch(r -> r != Role.DRIVER);
    }
}
