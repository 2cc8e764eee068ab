package app.comptoir.channels.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.SecretSeal;

/** Every SQL text of the marketplace accounts ({@code channel_accounts}) and their writes ({@code channel_writes}). */
@Repository
public class AccountStore {

    /** An account as stored; {@code secrets} is the sealed session, opened only by the adapter's caller. */
    public record Stored(UUID id, UUID tenantId, String kind, String status, String username, Long userId,
                         String host, SecretSeal.Sealed secrets, Instant lastSyncAt, String lastError,
                         int writeLimit, int windowMinutes, Instant nextWriteAt, Instant pausedUntil,
                         String pauseReason, int pauseCount) {

        @Override
        public String toString() {
            return "Account[" + id + ", " + kind + ", @" + username + ", " + status + "]";
        }
    }

    private static final String COLUMNS = "id, tenant_id, kind, status, username, marketplace_user_id, host,"
            + " secrets_encrypted, key_id, last_sync_at, last_error, write_limit, write_window_minutes, next_write_at,"
            + " paused_until, pause_reason, pause_count";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stored> all(UUID tenant) {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts where tenant_id = ? order by created_at, id")
                .param(tenant).query(AccountStore::map).list();
    }

    public Optional<Stored> find(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts where tenant_id = ? and id = ?")
                .params(tenant, id).query(AccountStore::map).optional();
    }

    /** The account with its row locked until the transaction ends: the rate cap's writers queue here. */
    public Optional<Stored> lock(UUID tenant, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts where tenant_id = ? and id = ? for update")
                .params(tenant, id).query(AccountStore::map).optional();
    }

    public Optional<Stored> findByUser(UUID tenant, String kind, long userId) {
        return jdbc.sql("select " + COLUMNS + " from channel_accounts where tenant_id = ? and kind = ?"
                        + " and marketplace_user_id = ?")
                .params(tenant, kind, userId).query(AccountStore::map).optional();
    }

    public void insert(UUID tenant, UUID id, String kind, String username, long userId, String host,
                       SecretSeal.Sealed secrets, Instant at) {
        jdbc.sql("insert into channel_accounts (id, tenant_id, kind, status, username, marketplace_user_id, host,"
                        + " secrets_encrypted, key_id, last_sync_at, created_at, updated_at)"
                        + " values (?, ?, ?, 'CONNECTED', ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, tenant, kind, username, userId, host, secrets.bytes(), secrets.keyId(), ts(at), ts(at),
                        ts(at))
                .update();
    }

    /** A fresh session: connected again, with its new seal; a pause in progress stays. */
    public void reconnect(UUID tenant, UUID id, String username, String host, SecretSeal.Sealed secrets, Instant at) {
        jdbc.sql("update channel_accounts set username = ?, host = ?, secrets_encrypted = ?, key_id = ?,"
                        + " status = case when paused_until > ? then 'PAUSED' else 'CONNECTED' end, last_error = null,"
                        + " last_sync_at = ?, updated_at = ?, updated_by = null where tenant_id = ? and id = ?")
                .params(username, host, secrets.bytes(), secrets.keyId(), ts(at), ts(at), ts(at), tenant, id)
                .update();
    }

    /** The same secrets sealed again with the current key (after a key rotation). */
    public void reseal(UUID tenant, UUID id, SecretSeal.Sealed secrets) {
        jdbc.sql("update channel_accounts set secrets_encrypted = ?, key_id = ? where tenant_id = ? and id = ?")
                .params(secrets.bytes(), secrets.keyId(), tenant, id).update();
    }

    public void pause(UUID tenant, UUID id, Instant until, String reason, int pauseCount, String error, Instant at) {
        jdbc.sql("update channel_accounts set status = 'PAUSED', paused_until = ?, pause_reason = ?, pause_count = ?,"
                        + " last_error = ?, updated_at = ?, updated_by = null where tenant_id = ? and id = ?")
                .params(ts(until), reason, pauseCount, error, ts(at), tenant, id).update();
    }

    public void status(UUID tenant, UUID id, String status, String error, Instant at) {
        jdbc.sql("update channel_accounts set status = ?, last_error = ?, updated_at = ?, updated_by = null"
                        + " where tenant_id = ? and id = ?")
                .params(status, error, ts(at), tenant, id).update();
    }

    /** After a write went through: the pause is over and its count starts again. */
    public void wentThrough(UUID tenant, UUID id, Instant at) {
        jdbc.sql("update channel_accounts set status = 'CONNECTED', paused_until = null, pause_reason = null,"
                        + " pause_count = 0, last_error = null, last_sync_at = ?, updated_at = ?, updated_by = null"
                        + " where tenant_id = ? and id = ? and status in ('CONNECTED', 'PAUSED')")
                .params(ts(at), ts(at), tenant, id).update();
    }

    /** Forgets the account's session: it stays listed, EXPIRED, until the extension sends a new one. */
    public void disconnect(UUID tenant, UUID id, String why, Instant at) {
        jdbc.sql("update channel_accounts set secrets_encrypted = null, key_id = null, status = 'EXPIRED',"
                        + " last_error = ?, updated_at = ?, updated_by = null where tenant_id = ? and id = ?")
                .params(why, ts(at), tenant, id).update();
    }

    public void limit(UUID tenant, UUID id, int writeLimit) {
        jdbc.sql("update channel_accounts set write_limit = ? where tenant_id = ? and id = ?")
                .params(writeLimit, tenant, id).update();
    }

    /** Records a write granted at {@code at} and the earliest time of the next one (the spacing). */
    public void recordWrite(UUID tenant, UUID account, Instant at, String what, Instant nextWriteAt) {
        jdbc.sql("insert into channel_writes (tenant_id, account_id, at, what) values (?, ?, ?, ?)")
                .params(tenant, account, ts(at), what).update();
        jdbc.sql("update channel_accounts set next_write_at = ? where tenant_id = ? and id = ?")
                .params(ts(nextWriteAt), tenant, account).update();
    }

    /** The writes of the account since {@code from}. */
    public List<Instant> writesSince(UUID tenant, UUID account, Instant from) {
        return jdbc.sql("select at from channel_writes where tenant_id = ? and account_id = ? and at > ? order by at")
                .params(tenant, account, ts(from)).query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static Stored map(ResultSet rs, int i) throws SQLException {
        byte[] bytes = rs.getBytes("secrets_encrypted");
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class), rs.getString("kind"),
                rs.getString("status"), rs.getString("username"), (Long) rs.getObject("marketplace_user_id"),
                rs.getString("host"), bytes == null ? null : new SecretSeal.Sealed(rs.getString("key_id"), bytes),
                instant(rs, "last_sync_at"), rs.getString("last_error"), rs.getInt("write_limit"),
                rs.getInt("write_window_minutes"), instant(rs, "next_write_at"), instant(rs, "paused_until"),
                rs.getString("pause_reason"), rs.getInt("pause_count"));
    }
}
