package app.comptoir.channels.persistence;

import static app.comptoir.channels.persistence.AccountStore.instant;
import static app.comptoir.channels.persistence.AccountStore.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every SQL text of pairing codes and the extension's devices: {@code channel_pairing_codes} and
 * {@code channel_device_tokens} hold only SHA-256 hashes and are read before the business is known;
 * {@code channel_devices} (row-level security) what the accounts page shows.
 */
@Repository
public class DeviceStore {

    /** A device as the accounts page lists it. */
    public record Device(UUID id, String label, Instant createdAt, Instant lastSeenAt, Instant revokedAt) {
    }

    /** The business and device a token hash belongs to. */
    public record TokenOwner(UUID tenantId, UUID deviceId) {
    }

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveCode(String codeHash, UUID tenant, Instant expiresAt) {
        jdbc.sql("insert into channel_pairing_codes (code_hash, tenant_id, expires_at) values (?, ?, ?)")
                .params(codeHash, tenant, ts(expiresAt)).update();
    }

    /** Uses the code once, atomically: the business it pairs, when it is unused and not expired. */
    public Optional<UUID> useCode(String codeHash, Instant now) {
        return jdbc.sql("update channel_pairing_codes set used_at = ? where code_hash = ? and used_at is null"
                        + " and expires_at > ? returning tenant_id")
                .params(ts(now), codeHash, ts(now)).query((rs, i) -> rs.getObject(1, UUID.class)).optional();
    }

    public int failuresSince(String address, Instant from) {
        return jdbc.sql("select count(*) from channel_claim_failures where address = ? and at > ?")
                .params(address, ts(from)).query(Integer.class).single();
    }

    public void failure(String address, Instant at) {
        jdbc.sql("delete from channel_claim_failures where at < ?").param(ts(at.minusSeconds(86_400))).update();
        jdbc.sql("insert into channel_claim_failures (address, at) values (?, ?)").params(address, ts(at)).update();
    }

    public void addDevice(UUID tenant, UUID id, String label, String tokenHash, Instant at) {
        jdbc.sql("insert into channel_devices (id, tenant_id, label, last_seen_at, created_at) values (?, ?, ?, ?, ?)")
                .params(id, tenant, label, ts(at), ts(at)).update();
        jdbc.sql("insert into channel_device_tokens (token_hash, tenant_id, device_id) values (?, ?, ?)")
                .params(tokenHash, tenant, id).update();
    }

    public Optional<TokenOwner> owner(String tokenHash) {
        return jdbc.sql("select tenant_id, device_id from channel_device_tokens where token_hash = ?")
                .param(tokenHash)
                .query((rs, i) -> new TokenOwner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** Whether the device is still allowed (not revoked), marking it seen. */
    public boolean seen(UUID tenant, UUID device, Instant at) {
        return jdbc.sql("update channel_devices set last_seen_at = ? where tenant_id = ? and id = ? and revoked_at is null")
                .params(ts(at), tenant, device).update() == 1;
    }

    public List<Device> devices(UUID tenant) {
        return jdbc.sql("select id, label, created_at, last_seen_at, revoked_at from channel_devices"
                        + " where tenant_id = ? order by created_at desc, id")
                .param(tenant)
                .query((rs, i) -> new Device(rs.getObject("id", UUID.class), rs.getString("label"),
                        instant(rs, "created_at"), instant(rs, "last_seen_at"), instant(rs, "revoked_at")))
                .list();
    }

    public boolean revoke(UUID tenant, UUID device, Instant at) {
        jdbc.sql("delete from channel_device_tokens where tenant_id = ? and device_id = ?").params(tenant, device)
                .update();
        return jdbc.sql("update channel_devices set revoked_at = coalesce(revoked_at, ?) where tenant_id = ? and id = ?")
                .params(ts(at), tenant, device).update() == 1;
    }
}
