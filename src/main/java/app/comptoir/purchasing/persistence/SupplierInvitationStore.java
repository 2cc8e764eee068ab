package app.comptoir.purchasing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Invitations of manual suppliers to register ({@code supplier_invitations}, the inviting buyer's rows) and their
 * links ({@code supplier_invitation_links}: the SHA-256 of the e-mailed token, never the token). The links table
 * has no row-level security, like identity's {@code invitation_links}: it is read without a tenant to find which
 * business's invitation a token opens, and holds nothing but hashes and ids.
 */
@Repository
public class SupplierInvitationStore {

    /** An invitation as stored. */
    public record Row(UUID id, UUID tenantId, UUID supplierId, String email, Instant createdAt, Instant expiresAt,
                      Instant acceptedAt, UUID acceptedTenantId) {
    }

    /** Where a token leads: the inviting business and its invitation. */
    public record Link(UUID tenantId, UUID invitationId) {
    }

    private final JdbcClient jdbc;

    SupplierInvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row invitation, UUID actor) {
        jdbc.sql("""
                        insert into supplier_invitations (id, tenant_id, supplier_id, email, expires_at, created_at, created_by)
                        values (:id, :tenant, :supplier, :email, :expires, :created, :actor)""")
                .param("id", invitation.id()).param("tenant", invitation.tenantId())
                .param("supplier", invitation.supplierId()).param("email", invitation.email())
                .param("expires", Timestamp.from(invitation.expiresAt()))
                .param("created", Timestamp.from(invitation.createdAt())).param("actor", actor).update();
    }

    /** Stores the hash of the invitation's token. */
    public void link(UUID tenantId, UUID invitationId, String tokenHash) {
        jdbc.sql("insert into supplier_invitation_links (token_hash, tenant_id, invitation_id) values (:hash, :tenant, :id)")
                .param("hash", tokenHash).param("tenant", tenantId).param("id", invitationId).update();
    }

    /** The invitation a token hash opens (read without a tenant). */
    public Optional<Link> findLink(String tokenHash) {
        return jdbc.sql("select tenant_id, invitation_id from supplier_invitation_links where token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, i) -> new Link(rs.getObject("tenant_id", UUID.class), rs.getObject("invitation_id", UUID.class)))
                .optional();
    }

    public Optional<Row> find(UUID tenantId, UUID id) {
        return jdbc.sql("select * from supplier_invitations where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(SupplierInvitationStore::row).optional();
    }

    /** The supplier's newest invitation. */
    public Optional<Row> latest(UUID tenantId, UUID supplierId) {
        return jdbc.sql("select * from supplier_invitations where tenant_id = :tenant and supplier_id = :supplier "
                        + "order by created_at desc limit 1")
                .param("tenant", tenantId).param("supplier", supplierId).query(SupplierInvitationStore::row).optional();
    }

    /**
     * Claims the invitation for a registration, once: false when it was claimed or accepted meanwhile, or has
     * expired (one guarded statement, so two registrations through one link cannot both go ahead).
     */
    public boolean claim(UUID tenantId, UUID id, Instant at) {
        return jdbc.sql("""
                        update supplier_invitations set accepted_at = :at
                        where tenant_id = :tenant and id = :id and accepted_at is null and expires_at > :at""")
                .param("tenant", tenantId).param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Gives back a claim whose registration failed (the address was taken, the password too weak...). */
    public void release(UUID tenantId, UUID id) {
        jdbc.sql("update supplier_invitations set accepted_at = null where tenant_id = :tenant and id = :id "
                        + "and accepted_tenant_id is null")
                .param("tenant", tenantId).param("id", id).update();
    }

    /** Records the business the invitation created. */
    public void acceptedBy(UUID tenantId, UUID id, UUID acceptedTenantId) {
        jdbc.sql("update supplier_invitations set accepted_tenant_id = :accepted where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).param("accepted", acceptedTenantId).update();
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("supplier_id", UUID.class), rs.getString("email"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), accepted == null ? null : accepted.toInstant(),
                rs.getObject("accepted_tenant_id", UUID.class));
    }
}
