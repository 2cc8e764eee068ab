package app.comptoir.notifications.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.identity.UserView;
import app.comptoir.notifications.domain.NotificationChoices;
import app.comptoir.notifications.domain.NotificationChoices.Key;
import app.comptoir.notifications.domain.NotificationType;
import app.comptoir.notifications.persistence.PreferenceStore;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantContext;

/**
 * Each user's notification preferences: per event type, the channels (in-app, e-mail, push) that tell them.
 * The defaults of their roles apply until they change them; only the changes are stored.
 */
@Service
public class Preferences {

    /** One event type and whether each channel tells the user about it. */
    public record Preference(String type, Map<Channel, Boolean> channels) {
    }

    private final PreferenceStore store;
    private final TenantContext tenantContext;

    Preferences(PreferenceStore store, TenantContext tenantContext) {
        this.store = store;
        this.tenantContext = tenantContext;
    }

    /** The signed-in user's preferences, for the types offered to their roles. */
    @Transactional(readOnly = true)
    public List<Preference> mine() {
        ComptoirPrincipal me = me();
        NotificationChoices choices = new NotificationChoices(me.roles(),
                store.changesOf(me.tenantId(), List.of(me.userId())).getOrDefault(me.userId(), Map.of()));
        List<Preference> shown = new ArrayList<>();
        for (NotificationType type : NotificationType.values()) {
            if (type.offeredTo(me.roles())) {
                Map<Channel, Boolean> channels = new EnumMap<>(Channel.class);
                for (Channel channel : Channel.values()) {
                    channels.put(channel, choices.isOn(type, channel));
                }
                shown.add(new Preference(type.key(), channels));
            }
        }
        return shown;
    }

    /**
     * Replaces the signed-in user's preferences: each type offered to them that is listed takes the given
     * channels (a channel left out: off); a type left out keeps its current choice. An unknown or not offered
     * type is refused (400).
     */
    @Transactional
    public List<Preference> change(List<Preference> wanted) {
        ComptoirPrincipal me = me();
        NotificationChoices current = new NotificationChoices(me.roles(),
                store.changesOf(me.tenantId(), List.of(me.userId())).getOrDefault(me.userId(), Map.of()));
        Map<NotificationType, Map<Channel, Boolean>> given = new EnumMap<>(NotificationType.class);
        for (Preference preference : wanted == null ? List.<Preference>of() : wanted) {
            NotificationType type = preference == null ? null : NotificationType.ofKey(preference.type())
                    .filter(t -> t.offeredTo(me.roles())).orElse(null);
            if (type == null) {
                throw InvalidInputException.field("type", "unknown event type "
                        + (preference == null ? null : preference.type()) + " for your roles");
            }
            given.put(type, preference.channels() == null ? Map.of() : preference.channels());
        }
        Set<Key> on = new HashSet<>();
        for (NotificationType type : NotificationType.values()) {
            for (Channel channel : Channel.values()) {
                Map<Channel, Boolean> channels = given.get(type);
                boolean isOn = channels == null ? current.isOn(type, channel)
                        : Boolean.TRUE.equals(channels.get(channel));
                if (isOn) {
                    on.add(new Key(type, channel));
                }
            }
        }
        store.replace(me.tenantId(), me.userId(), NotificationChoices.changesFrom(me.roles(), on).changes());
        return mine();
    }

    /** The choices of each of these users of the current tenant (for the dispatcher). */
    Map<UUID, NotificationChoices> of(UUID tenant, Collection<UserView> users) {
        Map<UUID, Map<Key, Boolean>> changes = store.changesOf(tenant, users.stream().map(UserView::id).toList());
        Map<UUID, NotificationChoices> choices = new java.util.HashMap<>();
        for (UserView user : users) {
            choices.put(user.id(), new NotificationChoices(user.roles(), changes.getOrDefault(user.id(), Map.of())));
        }
        return choices;
    }

    // Every signed-in user, whatever their role (a driver has no READ but hears of their deliveries), has their
    // own notifications and preferences: the principal decides whose, so nobody reaches another user's.
    private ComptoirPrincipal me() {
        return tenantContext.principal().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
