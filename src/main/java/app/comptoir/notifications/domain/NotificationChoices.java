package app.comptoir.notifications.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import app.comptoir.notifications.application.Channel;
import app.comptoir.platform.Role;

/**
 * One user's preferences: the defaults of their roles ({@link NotificationDefaults}) with the changes they made
 * ({@code changes}: type and channel to on or off). Only the changes are stored, see {@link #changesFrom}.
 */
public record NotificationChoices(Set<Role> roles, Map<Key, Boolean> changes) {

    /** A type on a channel. */
    public record Key(NotificationType type, Channel channel) {
    }

    public NotificationChoices {
        roles = Set.copyOf(roles);
        changes = Map.copyOf(changes);
    }

    /** Whether the user hears this type on this channel. */
    public boolean isOn(NotificationType type, Channel channel) {
        Boolean changed = changes.get(new Key(type, channel));
        return changed != null ? changed : NotificationDefaults.isOn(roles, type, channel);
    }

    /** The channels the user hears this type on. */
    public Set<Channel> channels(NotificationType type) {
        Set<Channel> on = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.values()) {
            if (isOn(type, channel)) {
                on.add(channel);
            }
        }
        return on;
    }

    /**
     * The changes to store for a user who wants exactly {@code wanted} on (each offered type and channel not in
     * it: off): what differs from the defaults of their roles, among the types offered to them.
     */
    public static NotificationChoices changesFrom(Set<Role> roles, Set<Key> wanted) {
        Map<Key, Boolean> changes = new java.util.HashMap<>();
        for (NotificationType type : NotificationType.values()) {
            if (!type.offeredTo(roles)) {
                continue;
            }
            for (Channel channel : Channel.values()) {
                Key key = new Key(type, channel);
                boolean on = wanted.contains(key);
                if (on != NotificationDefaults.isOn(roles, type, channel)) {
                    changes.put(key, on);
                }
            }
        }
        return new NotificationChoices(roles, changes);
    }
}
