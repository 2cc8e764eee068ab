package app.comptoir.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.ColleagueInvited;
import app.comptoir.identity.application.LinkRefusedException.Reason;
import app.comptoir.identity.domain.Invitation;
import app.comptoir.identity.domain.LoginDirectoryEntry;
import app.comptoir.identity.domain.LoginEmail;
import app.comptoir.identity.domain.PasswordPolicy;
import app.comptoir.identity.domain.Tenant;
import app.comptoir.identity.domain.UserAccount;
import app.comptoir.identity.persistence.InvitationStore;
import app.comptoir.identity.persistence.LoginDirectoryRepository;
import app.comptoir.identity.persistence.TenantRepository;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.identity.BusinessQuotas;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;

/**
 * Invitations of colleagues: an administrator invites an e-mail address with a role, the colleague follows the
 * e-mailed link (7 days, single use), chooses a name and a password and becomes a user with that role. Each
 * sending publishes {@link ColleagueInvited}, which notifications e-mails. Audited under {@code invitation}.
 */
@Service
public class Invitations {

    /** How long an invitation's link works. */
    public static final Duration VALIDITY = Duration.ofDays(7);
    /** The audit trail's name for an invitation. */
    public static final String AUDIT_ENTITY = "invitation";

    private static final Logger log = LoggerFactory.getLogger(Invitations.class);
    private static final String LINK = "invitation";

    private final InvitationStore invitations;
    private final LoginDirectoryRepository directory;
    private final UserAccountRepository users;
    private final TenantRepository tenants;
    private final PasswordEncoder passwords;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditRecorder audit;
    private final Permissions permissions;
    private final BusinessQuotas quotas;

    Invitations(InvitationStore invitations, LoginDirectoryRepository directory, UserAccountRepository users,
                TenantRepository tenants, PasswordEncoder passwords, TenantContext tenantContext,
                PlatformTransactionManager txManager, Clock clock, ApplicationEventPublisher events,
                AuditRecorder audit, Permissions permissions, BusinessQuotas quotas) {
        this.quotas = quotas;
        this.invitations = invitations;
        this.directory = directory;
        this.users = users;
        this.tenants = tenants;
        this.passwords = passwords;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.events = events;
        this.audit = audit;
        this.permissions = permissions;
    }

    /** An invitation as the administrator sees it. */
    public record InvitationView(UUID id, String email, Role role, String invitedBy, Instant sentAt,
                                 Instant expiresAt, Invitation.Status status) {
    }

    /** What the colleague sees before accepting: which business, which role, which address. */
    public record Invited(String businessName, String email, Role role, String invitedBy) {
    }

    /** The invitations still waiting for an answer (expired ones included, to send again), newest first. */
    @Transactional(readOnly = true)
    public List<InvitationView> open() {
        permissions.require(Permission.USERS_MANAGE);
        Instant now = clock.instant();
        return invitations.open(tenantContext.requireTenant()).stream().map(i -> view(i, now)).toList();
    }

    /**
     * Invites the address with the role. Refused when the address already has an account (409
     * {@code already-a-user} for one of this business, {@code email-taken} for another) or a pending invitation
     * (409 {@code already-invited}: send that one again).
     */
    @Transactional
    public InvitationView invite(String email, Role role) {
        permissions.require(Permission.USERS_MANAGE);
        String address = LoginEmail.normalize(email);
        if (role == null) {
            throw InvalidInputException.field("role", "must be one of ADMIN, MANAGER, DRIVER, VIEWER");
        }
        UUID tenantId = tenantContext.requireTenant();
        quotas.requireRoomForUser();
        directory.findById(address).ifPresent(entry -> {
            throw entry.getTenantId().equals(tenantId)
                    ? new ConflictException("already-a-user", "This e-mail address already belongs to a user of your business")
                    : new ConflictException("email-taken", "An account already exists with this e-mail address");
        });
        Instant now = clock.instant();
        if (invitations.pendingFor(tenantId, address, now)) {
            throw new ConflictException("already-invited",
                    "This e-mail address already has a pending invitation; send it again instead");
        }
        ComptoirPrincipal admin = tenantContext.principal().orElseThrow();
        Invitation invitation = new Invitation(Ids.newId(), tenantId, address, role, admin.userId(), admin.name(),
                now, now, now.plus(VALIDITY), null, null);
        invitations.insert(invitation);
        audit.record(AUDIT_ENTITY, invitation.id(), "INVITE", null, Map.of("email", address, "role", role.name(),
                "expiresAt", invitation.expiresAt().toString()));
        send(invitation);
        return view(invitation, now);
    }

    /** Sends the invitation again with a new link, valid 7 days from now; the previous link stops working. */
    @Transactional
    public InvitationView resend(UUID id) {
        permissions.require(Permission.USERS_MANAGE);
        Invitation current = openOne(id);
        Instant now = clock.instant();
        invitations.resent(current.tenantId(), id, now, now.plus(VALIDITY));
        Invitation resent = new Invitation(id, current.tenantId(), current.email(), current.role(),
                current.invitedBy(), current.invitedByName(), current.createdAt(), now, now.plus(VALIDITY), null, null);
        audit.record(AUDIT_ENTITY, id, "RESEND", Map.of("expiresAt", current.expiresAt().toString()),
                Map.of("expiresAt", resent.expiresAt().toString()));
        send(resent);
        return view(resent, now);
    }

    /** Revokes the invitation: its link stops working. Revoking a revoked one changes nothing. */
    @Transactional
    public void revoke(UUID id) {
        permissions.require(Permission.USERS_MANAGE);
        Invitation invitation = invitations.lock(tenantContext.requireTenant(), id)
                .orElseThrow(() -> new NotFoundException("Invitation", id));
        if (invitation.revokedAt() != null) {
            return;
        }
        if (invitation.acceptedAt() != null) {
            throw new ConflictException("invitation-accepted", "This invitation was already accepted");
        }
        // The link stays, so that following it says "withdrawn" rather than "unknown".
        invitations.revoked(invitation.tenantId(), id, clock.instant());
        audit.record(AUDIT_ENTITY, id, "REVOKE", null, Map.of("email", invitation.email()));
    }

    /** Checks the link before the form is shown: the business, the role and the address, or why it is refused. */
    public Invited check(String token) {
        InvitationStore.Link link = link(token);
        return tenantContext.callAs(link.tenantId(), () -> tx.execute(status -> {
            Invitation invitation = usable(invitations.find(link.tenantId(), link.invitationId()).orElse(null));
            Tenant tenant = tenants.findById(link.tenantId()).orElseThrow();
            return new Invited(tenant.getName(), invitation.email(), invitation.role(), invitation.invitedByName());
        }));
    }

    /**
     * Accepts the invitation: a new user of the business with the invitation's address and role, the name and
     * password given (fields {@code name} and {@code password}, reported together), signed in as returned.
     */
    public ComptoirPrincipal accept(String token, String name, String password) {
        InvitationStore.Link link = link(token);
        ComptoirPrincipal principal = tenantContext.callAs(link.tenantId(), () -> tx.execute(status -> {
            Invitation invitation = usable(invitations.lock(link.tenantId(), link.invitationId()).orElse(null));
            String checkedName = checkFields(name, password, invitation.email());
            // The plan may have filled up (or shrunk) since the invitation was sent: counted again, under the lock.
            quotas.requireRoomForUser();
            if (directory.existsById(invitation.email())) {
                throw new ConflictException("email-taken", "An account already exists with this e-mail address");
            }
            Instant now = clock.instant();
            UserAccount user = new UserAccount(Ids.newId(), invitation.tenantId(), invitation.email(), checkedName,
                    passwords.encode(password), Set.of(invitation.role()));
            user.signedIn(now);
            ComptoirPrincipal newcomer = Logins.principalOf(user);
            return ActingUser.call(newcomer, () -> {
                users.saveAndFlush(user);
                directory.saveAndFlush(new LoginDirectoryEntry(invitation.email(), invitation.tenantId(), user.getId()));
                if (!invitations.accepted(invitation.tenantId(), invitation.id(), user.getId(), now)) {
                    throw refused(Reason.USED);
                }
                audit.record(AUDIT_ENTITY, invitation.id(), "ACCEPT", null, Map.of("name", checkedName,
                        "role", invitation.role().name()));
                return newcomer;
            });
        }));
        log.info("Invitation {} accepted: user {} (tenant {})", link.invitationId(), principal.userId(),
                principal.tenantId());
        return principal;
    }

    private void send(Invitation invitation) {
        String token = SecretLinks.newToken();
        invitations.link(invitation.tenantId(), invitation.id(), SecretLinks.hash(token));
        Tenant tenant = tenants.findById(invitation.tenantId()).orElseThrow();
        events.publishEvent(new ColleagueInvited(invitation.tenantId(), invitation.id(), invitation.email(),
                invitation.role().name(), invitation.invitedByName(), tenant.getLocale(), token, invitation.expiresAt()));
    }

    private Invitation openOne(UUID id) {
        Invitation invitation = invitations.lock(tenantContext.requireTenant(), id)
                .orElseThrow(() -> new NotFoundException("Invitation", id));
        if (invitation.acceptedAt() != null) {
            throw new ConflictException("invitation-accepted", "This invitation was already accepted");
        }
        if (invitation.revokedAt() != null) {
            throw new ConflictException("invitation-revoked", "This invitation was revoked; invite the address again");
        }
        return invitation;
    }

    /** The invitation a link leads to; a link replaced by a new sending is no longer known. */
    private InvitationStore.Link link(String token) {
        String hash = SecretLinks.hash(token);
        return (hash == null ? java.util.Optional.<InvitationStore.Link>empty() : invitations.findLink(hash))
                .orElseThrow(() -> refused(Reason.INVALID));
    }

    private Invitation usable(Invitation invitation) {
        if (invitation == null) {
            throw refused(Reason.INVALID);
        }
        return switch (invitation.status(clock.instant())) {
            case PENDING -> invitation;
            case ACCEPTED -> throw refused(Reason.USED);
            case REVOKED -> throw refused(Reason.REVOKED);
            case EXPIRED -> throw refused(Reason.EXPIRED);
        };
    }

    private static String checkFields(String name, String password, String email) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            errors.add(new InvalidInputException.FieldError("name", "must be between 1 and 120 characters"));
        }
        try {
            PasswordPolicy.check("password", password, email);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.size() == 1 ? errors.getFirst().field() + ": "
                    + errors.getFirst().message() : "Some fields are invalid", errors);
        }
        return trimmed;
    }

    private static LinkRefusedException refused(Reason reason) {
        return new LinkRefusedException(LINK, reason, switch (reason) {
            case EXPIRED -> "This invitation has expired; ask the person who invited you to send it again";
            case USED -> "This invitation was already accepted; sign in instead";
            case REVOKED -> "This invitation was withdrawn; ask the person who invited you";
            case INVALID -> "This invitation link is not valid; it may have been sent again since";
        });
    }

    private static InvitationView view(Invitation i, Instant now) {
        return new InvitationView(i.id(), i.email(), i.role(), i.invitedByName(), i.sentAt(), i.expiresAt(),
                i.status(now));
    }
}
