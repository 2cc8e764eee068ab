package app.comptoir.identity.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import app.comptoir.platform.AuditTrail;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantOwnedEntity;

/** A person who signs in to one tenant, with their roles. Deleting is soft. */
@Entity
@Table(name = "users")
@AuditTrail("user")
public class UserAccount extends TenantOwnedEntity {

    private String email;
    private String name;

    @AuditTrail.Redacted
    @Column(name = "password_hash")
    private String passwordHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private String[] roles;

    private boolean enabled = true;

    // Written by one guarded statement per login (UserAccountRepository.recordLogin), never through the
    // versioned entity: parallel logins of one account would otherwise fail on the optimistic lock.
    @AuditTrail.Ignored
    @Column(name = "last_login_at", updatable = false)
    private Instant lastLoginAt;

    @AuditTrail.Ignored
    @Column(name = "token_version")
    private int tokenVersion;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by")
    private UUID deletedBy;

    protected UserAccount() {
    }

    public UserAccount(UUID id, UUID tenantId, String email, String name, String passwordHash, Set<Role> roles) {
        super(id, tenantId);
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        setRoles(roles);
    }

    public void rename(String email, String name) {
        this.email = email;
        this.name = name;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The first sign-in, at sign-up (before the first save); later logins are recorded by one statement. */
    public void signedIn(Instant at) {
        this.lastLoginAt = at;
    }

    /**
     * Ends every access token and web session issued so far: they carry the old version and the
     * per-request account check refuses them.
     */
    public void revokeTokens() {
        this.tokenVersion++;
    }

    public int getTokenVersion() {
        return tokenVersion;
    }

    public void delete(Instant at, UUID by) {
        this.deletedAt = at;
        this.deletedBy = by;
        this.enabled = false;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<Role> getRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles).map(Role::valueOf).forEach(set::add);
        return set;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
