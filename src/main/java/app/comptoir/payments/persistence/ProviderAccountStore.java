package app.comptoir.payments.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.platform.SecretSeal;

/** Every SQL text of the businesses' provider accounts ({@code payment_provider_accounts}; secrets sealed). */
@Repository
public class ProviderAccountStore {

    /** A stored account: its sealed secrets, the key that sealed them, the hint shown, the mode, when it changed. */
    public record Stored(String provider, SecretSeal.Sealed secrets, String hint, boolean testMode, Instant updatedAt,
                         UUID updatedBy) {
    }

    private final JdbcClient jdbc;

    ProviderAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(UUID tenant, String provider) {
        return jdbc.sql("select provider, secrets_encrypted, key_id, key_hint, test_mode, updated_at, updated_by"
                        + " from payment_provider_accounts where tenant_id = ? and provider = ?")
                .params(tenant, provider)
                .query((rs, i) -> new Stored(rs.getString(1), new SecretSeal.Sealed(rs.getString(3), rs.getBytes(2)),
                        rs.getString(4), rs.getBoolean(5), PaymentStore.instant(rs, "updated_at"),
                        rs.getObject(7, UUID.class)))
                .optional();
    }

    public void save(UUID tenant, String provider, SecretSeal.Sealed secrets, String hint, boolean testMode,
                     Instant at, UUID by) {
        jdbc.sql("""
                        insert into payment_provider_accounts (tenant_id, provider, secrets_encrypted, key_id, key_hint,
                          test_mode, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, provider) do update set secrets_encrypted = excluded.secrets_encrypted,
                          key_id = excluded.key_id, key_hint = excluded.key_hint, test_mode = excluded.test_mode,
                          updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                          version = payment_provider_accounts.version + 1""")
                .params(tenant, provider, secrets.bytes(), secrets.keyId(), hint, testMode, PaymentStore.ts(at), by,
                        PaymentStore.ts(at), by)
                .update();
    }

    public boolean delete(UUID tenant, String provider) {
        return jdbc.sql("delete from payment_provider_accounts where tenant_id = ? and provider = ?")
                .params(tenant, provider).update() == 1;
    }
}
