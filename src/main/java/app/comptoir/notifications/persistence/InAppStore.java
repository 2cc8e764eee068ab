package app.comptoir.notifications.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import app.comptoir.notifications.application.Notification;
import app.comptoir.platform.PageResponse;

/**
 * The {@code notifications} table: the in-app notices of each user. Every statement names the tenant and the
 * user, so a user reads and marks only their own (row-level security keeps the tenant too).
 */
@Repository
public class InAppStore {

    private final JdbcTemplate jdbc;

    InAppStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a notice unless its id was stored already (a replayed event); true if stored. */
    public boolean insert(UUID id, UUID tenant, UUID user, String type, String title, String body, String link,
                          Instant at) {
        return jdbc.update("""
                insert into notifications (id, tenant_id, user_id, type, title, body, link, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""",
                id, tenant, user, type, title, body, link, Timestamp.from(at)) == 1;
    }

    /** A page of the user's notices, unread first, then newest first. */
    public PageResponse<Notification> page(UUID tenant, UUID user, int page, int size) {
        Long total = jdbc.queryForObject("select count(*) from notifications where tenant_id = ? and user_id = ?",
                Long.class, tenant, user);
        List<Notification> rows = jdbc.query("""
                select id, type, title, body, link, created_at, read_at from notifications
                 where tenant_id = ? and user_id = ?
                 order by (read_at is null) desc, created_at desc, id limit ? offset ?""",
                InAppStore::row, tenant, user, size, (long) page * size);
        return new PageResponse<>(rows, total == null ? 0 : total, page, size);
    }

    public long unread(UUID tenant, UUID user) {
        Long count = jdbc.queryForObject("""
                select count(*) from notifications where tenant_id = ? and user_id = ? and read_at is null""",
                Long.class, tenant, user);
        return count == null ? 0 : count;
    }

    /** Marks one of the user's notices read (kept as it was if read already) and returns it. */
    public Optional<Notification> markRead(UUID tenant, UUID user, UUID id, Instant at) {
        return jdbc.query("""
                update notifications set read_at = coalesce(read_at, ?)
                 where tenant_id = ? and user_id = ? and id = ?
                returning id, type, title, body, link, created_at, read_at""",
                InAppStore::row, Timestamp.from(at), tenant, user, id).stream().findFirst();
    }

    /** Marks every unread notice of the user read; returns how many. */
    public int markAllRead(UUID tenant, UUID user, Instant at) {
        return jdbc.update("""
                update notifications set read_at = ? where tenant_id = ? and user_id = ? and read_at is null""",
                Timestamp.from(at), tenant, user);
    }

    /** The notices stored for these users (tests and the demo read them). */
    public long countOf(UUID tenant, Collection<UUID> users) {
        Long count = jdbc.queryForObject("select count(*) from notifications where tenant_id = ? and user_id = any(?)",
                Long.class, tenant, users.toArray(UUID[]::new));
        return count == null ? 0 : count;
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("title"),
                rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
