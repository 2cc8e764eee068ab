package app.comptoir.purchasing.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.BusinessKind;
import app.comptoir.identity.BusinessRegistrations;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;
import app.comptoir.purchasing.SupplierInvited;
import app.comptoir.purchasing.persistence.SupplierInvitationStore;
import app.comptoir.purchasing.persistence.SupplierLinkStore;

/**
 * Invitations of manual suppliers to join Comptoir: the shopkeeper sends one to the supplier's e-mail (a link
 * valid 7 days, single use, of which only the SHA-256 of its 256-bit token is kept, like identity's colleague
 * invitations); the supplier follows it, registers its business (kind SUPPLIER) with its administrator, gets a
 * verified profile, and the shopkeeper's supplier is linked to it (its past orders stay as they were; new ones
 * are connected).
 */
@Service
public class SupplierInvitations {

    /** How long an invitation's link works. */
    public static final Duration VALIDITY = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(SupplierInvitations.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SupplierInvitationStore invitations;
    private final SupplierLinkStore suppliers;
    private final SupplierProfiles profiles;
    private final BusinessRegistrations registrations;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    SupplierInvitations(SupplierInvitationStore invitations, SupplierLinkStore suppliers, SupplierProfiles profiles,
                        BusinessRegistrations registrations, Tenants tenants, TenantContext tenantContext,
                        Permissions permissions, ApplicationEventPublisher events, Clock clock,
                        PlatformTransactionManager txManager) {
        this.invitations = invitations;
        this.suppliers = suppliers;
        this.profiles = profiles;
        this.registrations = registrations;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** An invitation as the shopkeeper sees it. */
    public record InvitationView(UUID id, UUID supplierId, String email, Instant sentAt, Instant expiresAt,
                                 Instant acceptedAt) {
    }

    /** What the invited supplier sees before registering: who invites it, under which name, at which address. */
    public record Invited(String invitedBy, String company, String email) {
    }

    /** What the supplier enters to register (the company prefilled from the shopkeeper's record). */
    public record Registration(String company, String email, String password, String name) {
    }

    /** The supplier business a registration created. */
    public record Registered(UUID supplierTenantId, String email) {
    }

    /**
     * Invites the buyer's manual supplier to register, at {@code email} (null: the supplier's own address).
     * Refused when the supplier is already registered (409 {@code supplier-already-registered}).
     */
    @Transactional
    public InvitationView invite(UUID supplierId, String email) {
        permissions.require(Permission.PURCHASES_WRITE);
        TenantProfile buyer = tenants.current();
        SupplierLinkStore.Row supplier = suppliers.find(buyer.id(), supplierId)
                .orElseThrow(() -> new NotFoundException("Supplier", supplierId));
        if (supplier.registeredTenantId() != null) {
            throw new ConflictException("supplier-already-registered",
                    "This supplier is already on Comptoir: order from it directly");
        }
        String address = email(email == null || email.isBlank() ? supplier.email() : email);
        Instant now = clock.instant();
        ComptoirPrincipal me = tenantContext.principal().orElse(null);
        SupplierInvitationStore.Row invitation = new SupplierInvitationStore.Row(Ids.newId(), buyer.id(), supplierId,
                address, now, now.plus(VALIDITY), null, null);
        invitations.insert(invitation, me == null ? null : me.userId());
        String token = newToken();
        invitations.link(buyer.id(), invitation.id(), hash(token));
        events.publishEvent(new SupplierInvited(buyer.id(), invitation.id(), supplierId, supplier.name(), address,
                buyer.name(), me == null ? buyer.name() : me.name(), buyer.locale(), token, invitation.expiresAt()));
        log.info("Supplier {} invited to register (invitation {})", supplierId, invitation.id());
        return view(invitation);
    }

    /** The supplier's newest invitation, if any. */
    @Transactional(readOnly = true)
    public Optional<InvitationView> latest(UUID supplierId) {
        permissions.require(Permission.READ);
        return invitations.latest(tenantContext.requireTenant(), supplierId).map(SupplierInvitations::view);
    }

    /** Checks the link before the form is shown, or says why it is refused. */
    public Invited check(String token) {
        SupplierInvitationStore.Link link = link(token);
        return tenantContext.callAs(link.tenantId(), () -> tx.execute(status -> {
            SupplierInvitationStore.Row invitation = usable(invitations.find(link.tenantId(), link.invitationId()));
            String company = suppliers.find(link.tenantId(), invitation.supplierId())
                    .map(SupplierLinkStore.Row::name).orElse("");
            return new Invited(tenants.current().name(), company, invitation.email());
        }));
    }

    /**
     * Registers the invited supplier: its business (kind SUPPLIER) with the administrator given, a verified
     * profile, and the shopkeeper's supplier linked to it. The link is claimed first (one guarded statement), so a
     * second registration through it is refused; a registration that fails (address taken, weak password) gives
     * the claim back.
     */
    public Registered accept(String token, Registration registration, String clientAddress) {
        SupplierInvitationStore.Link link = link(token);
        UUID buyerId = link.tenantId();
        record Claimed(SupplierInvitationStore.Row invitation, String currency, String locale) {
        }
        Claimed claimed = tenantContext.callAs(buyerId, () -> tx.execute(status -> {
            SupplierInvitationStore.Row invitation = usable(invitations.find(buyerId, link.invitationId()));
            if (!invitations.claim(buyerId, invitation.id(), clock.instant())) {
                throw new InvitationRefusedException(InvitationRefusedException.Reason.USED);
            }
            TenantProfile buyer = tenants.current();
            return new Claimed(invitation, buyer.currency(), buyer.locale());
        }));
        SupplierInvitationStore.Row invitation = claimed.invitation();
        ComptoirPrincipal admin;
        try {
            String company = registration.company() == null ? null : registration.company().strip();
            admin = registrations.register(new BusinessRegistrations.NewBusiness(company, BusinessKind.SUPPLIER,
                    registration.email() == null || registration.email().isBlank() ? invitation.email()
                            : registration.email(), registration.password(), registration.name(), claimed.locale(),
                    claimed.currency()), clientAddress);
        } catch (RuntimeException e) {
            tenantContext.runAs(buyerId, () -> tx.executeWithoutResult(status ->
                    invitations.release(buyerId, invitation.id())));
            throw e;
        }
        UUID supplierTenantId = admin.tenantId();
        tenantContext.runAs(buyerId, () -> tx.executeWithoutResult(status -> {
            invitations.acceptedBy(buyerId, invitation.id(), supplierTenantId);
            suppliers.link(buyerId, invitation.supplierId(), supplierTenantId, clock.instant());
        }));
        tenantContext.runAs(supplierTenantId, () -> tx.executeWithoutResult(status -> {
            TenantProfile supplier = tenants.current();
            profiles.createVerified(supplierTenantId, supplier.name(), supplier.currency(), admin.email());
        }));
        log.info("Supplier invitation {} accepted: supplier business {} linked to supplier {} of business {}",
                invitation.id(), supplierTenantId, invitation.supplierId(), buyerId);
        return new Registered(supplierTenantId, admin.email());
    }

    private SupplierInvitationStore.Link link(String token) {
        String hash = hash(token);
        return (hash == null ? Optional.<SupplierInvitationStore.Link>empty() : invitations.findLink(hash))
                .orElseThrow(() -> new InvitationRefusedException(InvitationRefusedException.Reason.INVALID));
    }

    private SupplierInvitationStore.Row usable(Optional<SupplierInvitationStore.Row> found) {
        SupplierInvitationStore.Row invitation = found
                .orElseThrow(() -> new InvitationRefusedException(InvitationRefusedException.Reason.INVALID));
        if (invitation.acceptedAt() != null) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.USED);
        }
        if (!invitation.expiresAt().isAfter(clock.instant())) {
            throw new InvitationRefusedException(InvitationRefusedException.Reason.EXPIRED);
        }
        return invitation;
    }

    private static String email(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.isEmpty()) {
            throw InvalidInputException.field("email", "is required: the supplier has no e-mail address");
        }
        if (address.length() > 254 || TextInput.hasControlCharacter(address) || !EMAIL.matcher(address).matches()) {
            throw InvalidInputException.field("email", "must be an e-mail address");
        }
        return address;
    }

    /** A new token: 32 random bytes (256 bits), base64url without padding. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token (hex SHA-256), or null for a value that cannot be one of ours. */
    private static String hash(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvitationView view(SupplierInvitationStore.Row r) {
        return new InvitationView(r.id(), r.supplierId(), r.email(), r.createdAt(), r.expiresAt(), r.acceptedAt());
    }
}
