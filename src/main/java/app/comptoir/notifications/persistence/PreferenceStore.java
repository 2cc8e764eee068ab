package app.comptoir.notifications.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.notifications.application.Channel;
import app.comptoir.notifications.domain.NotificationChoices.Key;
import app.comptoir.notifications.domain.NotificationType;

/** The {@code notification_preferences} table: each user's changes from the defaults of their roles. */
@Repository
public class PreferenceStore {

    private final JdbcTemplate jdbc;

    PreferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored changes of these users, by user (one statement for every recipient of an event). */
    public Map<UUID, Map<Key, Boolean>> changesOf(UUID tenant, Collection<UUID> users) {
        Map<UUID, Map<Key, Boolean>> byUser = new HashMap<>();
        if (users.isEmpty()) {
            return byUser;
        }
        jdbc.query("""
                select user_id, type, channel, enabled from notification_preferences
                 where tenant_id = ? and user_id = any(?)""", rs -> {
            // a type dropped from the code since it was stored is ignored
            UUID user = rs.getObject("user_id", UUID.class);
            Channel channel = Channel.valueOf(rs.getString("channel"));
            boolean enabled = rs.getBoolean("enabled");
            NotificationType.ofKey(rs.getString("type")).ifPresent(type -> byUser
                    .computeIfAbsent(user, u -> new HashMap<>()).put(new Key(type, channel), enabled));
        }, tenant, users.toArray(UUID[]::new));
        return byUser;
    }

    /** Replaces the user's stored changes. */
    public void replace(UUID tenant, UUID user, Map<Key, Boolean> changes) {
        jdbc.update("delete from notification_preferences where tenant_id = ? and user_id = ?", tenant, user);
        List<Object[]> rows = new ArrayList<>();
        changes.forEach((key, on) -> rows.add(new Object[] {tenant, user, key.type().key(), key.channel().name(), on}));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into notification_preferences (tenant_id, user_id, type, channel, enabled)
                    values (?, ?, ?, ?, ?)""", rows);
        }
    }
}
