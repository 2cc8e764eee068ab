package app.comptoir.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.comptoir.identity.domain.Invitation;
import app.comptoir.platform.Role;

/**
 * Invitations (table {@code invitations}, the business's, under row-level security) and their links (table
 * {@code invitation_links}, global, hashes only: a link is followed before the business is known).
 * Concurrency: acceptance locks the invitation row ({@link #lock}) and the accepting update is guarded by
 * {@code accepted_at is null and revoked_at is null}, so one invitation makes at most one user.
 */
@Repository
public class InvitationStore {

    private static final String COLUMNS = """
            id, tenant_id, email, role, invited_by, invited_by_name, created_at, sent_at, expires_at, accepted_at,
            revoked_at""";

    /** Where a link leads. */
    public record Link(UUID tenantId, UUID invitationId) {
    }

    private final JdbcClient jdbc;

    public InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Invitation i) {
        jdbc.sql("""
                insert into invitations (id, tenant_id, email, role, invited_by, invited_by_name, created_at, sent_at,
                                         expires_at)
                values (:id, :tenant, :email, :role, :by, :byName, :created, :sent, :expires)""")
                .param("id", i.id()).param("tenant", i.tenantId()).param("email", i.email())
                .param("role", i.role().name()).param("by", i.invitedBy()).param("byName", i.invitedByName())
                .param("created", at(i.createdAt())).param("sent", at(i.sentAt())).param("expires", at(i.expiresAt()))
                .update();
    }

    /** Replaces the invitation's link (sending again makes the previous e-mail's link useless). */
    public void link(UUID tenantId, UUID invitationId, String tokenHash) {
        unlink(invitationId);
        jdbc.sql("insert into invitation_links (token_hash, tenant_id, invitation_id) values (:hash, :tenant, :id)")
                .param("hash", tokenHash).param("tenant", tenantId).param("id", invitationId)
                .update();
    }

    public void unlink(UUID invitationId) {
        jdbc.sql("delete from invitation_links where invitation_id = :id").param("id", invitationId).update();
    }

    public Optional<Link> findLink(String tokenHash) {
        return jdbc.sql("select tenant_id, invitation_id from invitation_links where token_hash = :hash")
                .param("hash", tokenHash)
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    public Optional<Invitation> find(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from invitations where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id)
                .query((rs, n) -> invitation(rs)).optional();
    }

    /** The invitation, its row locked until the end of the transaction. */
    public Optional<Invitation> lock(UUID tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from invitations where tenant_id = :tenant and id = :id for update")
                .param("tenant", tenantId).param("id", id)
                .query((rs, n) -> invitation(rs)).optional();
    }

    /** The business's invitations still waiting for an answer (expired ones included), newest first. */
    public List<Invitation> open(UUID tenantId) {
        return jdbc.sql("select " + COLUMNS + """
                 from invitations
                where tenant_id = :tenant and accepted_at is null and revoked_at is null
                order by sent_at desc, id desc limit 200""")
                .param("tenant", tenantId)
                .query((rs, n) -> invitation(rs)).list();
    }

    /** Whether the address has an invitation still valid at {@code now}. */
    public boolean pendingFor(UUID tenantId, String email, Instant now) {
        return jdbc.sql("""
                select exists (select 1 from invitations
                                where tenant_id = :tenant and email = :email and accepted_at is null
                                  and revoked_at is null and expires_at > :now)""")
                .param("tenant", tenantId).param("email", email).param("now", at(now))
                .query(Boolean.class).single();
    }

    public void resent(UUID tenantId, UUID id, Instant sentAt, Instant expiresAt) {
        jdbc.sql("update invitations set sent_at = :sent, expires_at = :expires where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).param("sent", at(sentAt)).param("expires", at(expiresAt))
                .update();
    }

    public void revoked(UUID tenantId, UUID id, Instant at) {
        jdbc.sql("update invitations set revoked_at = :at where tenant_id = :tenant and id = :id and revoked_at is null")
                .param("tenant", tenantId).param("id", id).param("at", at(at))
                .update();
    }

    /** Marks the invitation accepted by the new user; false when it was accepted or revoked meanwhile. */
    public boolean accepted(UUID tenantId, UUID id, UUID userId, Instant at) {
        return jdbc.sql("""
                update invitations set accepted_at = :at, accepted_user_id = :user
                 where tenant_id = :tenant and id = :id and accepted_at is null and revoked_at is null""")
                .param("tenant", tenantId).param("id", id).param("user", userId).param("at", at(at))
                .update() == 1;
    }

    private static Invitation invitation(ResultSet rs) throws SQLException {
        return new Invitation(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getObject("invited_by", UUID.class),
                rs.getString("invited_by_name"), instant(rs, "created_at"), instant(rs, "sent_at"),
                instant(rs, "expires_at"), instant(rs, "accepted_at"), instant(rs, "revoked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
