package app.comptoir.notifications.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import app.comptoir.notifications.application.Channel;
import app.comptoir.platform.Role;

/**
 * What each role hears without having chosen anything: a driver the orders given to them and their failed
 * deliveries (in the app and on their phone); a manager or administrator new orders, stock-outs and failed
 * deliveries (stock-outs and failures by e-mail too); a viewer only stock-outs, in the app. A user with
 * several roles gets the union.
 */
public final class NotificationDefaults {

    private NotificationDefaults() {
    }

    /** The default channels of each type for a user with these roles (types absent: nothing). */
    public static Map<NotificationType, Set<Channel>> of(Set<Role> roles) {
        Map<NotificationType, Set<Channel>> on = new EnumMap<>(NotificationType.class);
        for (Role role : roles) {
            switch (role) {
                case ADMIN, MANAGER -> {
                    add(on, NotificationType.ORDER_CREATED, Channel.IN_APP);
                    add(on, NotificationType.STOCK_OUT, Channel.IN_APP, Channel.EMAIL);
                    add(on, NotificationType.DELIVERY_FAILED, Channel.IN_APP, Channel.EMAIL);
                    add(on, NotificationType.PURCHASE_UNCONFIRMED, Channel.IN_APP);
                }
                case DRIVER -> {
                    add(on, NotificationType.DRIVER_ASSIGNED, Channel.IN_APP, Channel.PUSH);
                    add(on, NotificationType.DELIVERY_FAILED, Channel.IN_APP, Channel.PUSH);
                }
                case VIEWER -> add(on, NotificationType.STOCK_OUT, Channel.IN_APP);
            }
        }
        return on;
    }

    /** Whether the type is on for the channel by default for these roles. */
    public static boolean isOn(Set<Role> roles, NotificationType type, Channel channel) {
        return of(roles).getOrDefault(type, Set.of()).contains(channel);
    }

    private static void add(Map<NotificationType, Set<Channel>> on, NotificationType type, Channel... channels) {
        on.computeIfAbsent(type, t -> EnumSet.noneOf(Channel.class)).addAll(Set.of(channels));
    }
}
