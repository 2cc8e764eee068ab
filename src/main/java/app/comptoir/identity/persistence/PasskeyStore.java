package app.comptoir.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Passkeys ({@code passkey_users}, {@code passkey_credentials}, V21): global tables, without row-level
 * security, because a passkey sign-in starts before the business is known. Every query of a user's
 * passkeys filters by business and user; only public keys and public registration data are stored.
 */
@Repository
public class PasskeyStore {

    /** A user's WebAuthn identity: the random user handle (base64url) the authenticators keep. */
    public record Owner(String userHandle, UUID tenantId, UUID userId, String email, String name) {
    }

    /** One registered passkey (public key and counters; never a secret). */
    public record Credential(String credentialId, String userHandle, UUID tenantId, UUID userId, String type,
                             byte[] publicKey, long signatureCount, boolean uvInitialized, boolean backupEligible,
                             boolean backupState, String transports, byte[] attestationObject,
                             byte[] attestationClientDataJson, String label, Instant createdAt, Instant lastUsedAt) {
    }

    private static final String OWNER = "user_handle, tenant_id, user_id, email, name";
    private static final String CREDENTIAL = "credential_id, user_handle, tenant_id, user_id, credential_type, "
            + "public_key, signature_count, uv_initialized, backup_eligible, backup_state, transports, "
            + "attestation_object, attestation_client_data_json, label, created_at, last_used_at";

    private final JdbcClient jdbc;

    public PasskeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Owner> ownerByHandle(String userHandle) {
        return jdbc.sql("select " + OWNER + " from passkey_users where user_handle = :handle")
                .param("handle", userHandle).query(PasskeyStore::owner).optional();
    }

    public Optional<Owner> ownerOfUser(UUID tenantId, UUID userId) {
        return jdbc.sql("select " + OWNER + " from passkey_users where tenant_id = :tenant and user_id = :user")
                .param("tenant", tenantId).param("user", userId).query(PasskeyStore::owner).optional();
    }

    /** Inserts the owner unless the user already has one (two tabs asking at once keep the first). */
    public void insertOwner(Owner owner) {
        jdbc.sql("insert into passkey_users (" + OWNER + ") values (:handle, :tenant, :user, :email, :name) "
                        + "on conflict do nothing")
                .param("handle", owner.userHandle()).param("tenant", owner.tenantId()).param("user", owner.userId())
                .param("email", owner.email()).param("name", owner.name()).update();
    }

    public void deleteOwner(String userHandle) {
        jdbc.sql("delete from passkey_users where user_handle = :handle").param("handle", userHandle).update();
    }

    public Optional<Credential> credential(String credentialId) {
        return jdbc.sql("select " + CREDENTIAL + " from passkey_credentials where credential_id = :id")
                .param("id", credentialId).query(PasskeyStore::credential).optional();
    }

    public List<Credential> credentialsOfHandle(String userHandle) {
        return jdbc.sql("select " + CREDENTIAL + " from passkey_credentials where user_handle = :handle "
                        + "order by created_at").param("handle", userHandle).query(PasskeyStore::credential).list();
    }

    /** A user's passkeys, most recently used first. */
    public List<Credential> credentialsOfUser(UUID tenantId, UUID userId) {
        return jdbc.sql("select " + CREDENTIAL + " from passkey_credentials where tenant_id = :tenant "
                        + "and user_id = :user order by coalesce(last_used_at, created_at) desc")
                .param("tenant", tenantId).param("user", userId).query(PasskeyStore::credential).list();
    }

    /** Inserts a new passkey, or records a use of a known one (counter, last use). */
    public void save(Credential c) {
        jdbc.sql("insert into passkey_credentials (" + CREDENTIAL + ") values (:id, :handle, :tenant, :user, :type, "
                        + ":key, :count, :uv, :be, :bs, :transports, :attestation, :clientData, :label, :created, :used) "
                        + "on conflict (credential_id) do update set signature_count = excluded.signature_count, "
                        + "uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state, "
                        + "last_used_at = excluded.last_used_at")
                .param("id", c.credentialId()).param("handle", c.userHandle()).param("tenant", c.tenantId())
                .param("user", c.userId()).param("type", c.type()).param("key", c.publicKey())
                .param("count", c.signatureCount()).param("uv", c.uvInitialized()).param("be", c.backupEligible())
                .param("bs", c.backupState()).param("transports", c.transports())
                .param("attestation", c.attestationObject()).param("clientData", c.attestationClientDataJson())
                .param("label", c.label()).param("created", at(c.createdAt())).param("used", at(c.lastUsedAt()))
                .update();
    }

    public boolean deleteCredential(String credentialId) {
        return jdbc.sql("delete from passkey_credentials where credential_id = :id").param("id", credentialId)
                .update() > 0;
    }

    /** Deletes one of a user's passkeys; false when the user has none of that id. */
    public boolean deleteCredential(UUID tenantId, UUID userId, String credentialId) {
        return jdbc.sql("delete from passkey_credentials where credential_id = :id and tenant_id = :tenant "
                        + "and user_id = :user").param("id", credentialId).param("tenant", tenantId)
                .param("user", userId).update() > 0;
    }

    private static Owner owner(ResultSet rs, int row) throws SQLException {
        return new Owner(rs.getString("user_handle"), rs.getObject("tenant_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("name"));
    }

    private static Credential credential(ResultSet rs, int row) throws SQLException {
        return new Credential(rs.getString("credential_id"), rs.getString("user_handle"),
                rs.getObject("tenant_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("credential_type"), rs.getBytes("public_key"), rs.getLong("signature_count"),
                rs.getBoolean("uv_initialized"), rs.getBoolean("backup_eligible"), rs.getBoolean("backup_state"),
                rs.getString("transports"), rs.getBytes("attestation_object"),
                rs.getBytes("attestation_client_data_json"), rs.getString("label"), instant(rs, "created_at"),
                instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
