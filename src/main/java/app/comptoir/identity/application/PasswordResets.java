package app.comptoir.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.PasswordResetRequested;
import app.comptoir.identity.application.LinkRefusedException.Reason;
import app.comptoir.identity.domain.LoginEmail;
import app.comptoir.identity.domain.PasswordPolicy;
import app.comptoir.identity.domain.Tenant;
import app.comptoir.identity.domain.UserAccount;
import app.comptoir.identity.persistence.LoginDirectoryRepository;
import app.comptoir.identity.persistence.PasswordResetStore;
import app.comptoir.identity.persistence.TenantRepository;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.TenantContext;

/**
 * Forgotten passwords: a user asks for a link by e-mail, and the link (single use, 30 minutes) lets them choose
 * a new password, which signs them out everywhere.
 *
 * <p>No account enumeration: asking answers the same, at the same speed, for any e-mail. The caller's request
 * only validates the address and counts it in the throttle (the same work whatever the address); looking the
 * account up, storing the link and publishing {@link PasswordResetRequested} (which notifications e-mails) run
 * afterwards on a background thread, so neither the answer nor its timing depends on the account existing.
 */
@Service
public class PasswordResets {

    /** How long an e-mailed reset link works. */
    public static final Duration VALIDITY = Duration.ofMinutes(30);

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final String LINK = "reset";

    private final LoginDirectoryRepository directory;
    private final UserAccountRepository users;
    private final TenantRepository tenants;
    private final PasswordResetStore links;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    private final Logins logins;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditRecorder audit;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    PasswordResets(LoginDirectoryRepository directory, UserAccountRepository users, TenantRepository tenants,
                   PasswordResetStore links, LoginThrottle throttle, PasswordEncoder passwords, Logins logins,
                   TenantContext tenantContext, PlatformTransactionManager txManager, Clock clock,
                   ApplicationEventPublisher events, AuditRecorder audit) {
        this.directory = directory;
        this.users = users;
        this.tenants = tenants;
        this.links = links;
        this.throttle = throttle;
        this.passwords = passwords;
        this.logins = logins;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.events = events;
        this.audit = audit;
    }

    /** Whose password a valid link resets (shown on the form). */
    public record ResetFor(String email) {
    }

    /**
     * Asks for a reset link for the address: the same silent answer whether an account exists or not (a
     * malformed address is a field error on {@code email}; too many requests, HTTP 429).
     */
    public void request(String email, String clientAddress) {
        String address = LoginEmail.normalize(email);
        throttle.checkResetRequest(address, clientAddress);
        background.execute(() -> issue(address));
    }

    /** Stores a link for the address's account, if there is an enabled one, and has it e-mailed. */
    private void issue(String email) {
        try {
            directory.findById(email).ifPresent(entry -> tenantContext.runAs(entry.getTenantId(),
                    () -> tx.executeWithoutResult(status -> {
                        UserAccount user = users.findLive(entry.getTenantId(), entry.getUserId()).orElse(null);
                        if (user == null || !user.isEnabled()) {
                            return;
                        }
                        Tenant tenant = tenants.findById(user.getTenantId()).orElseThrow();
                        String token = SecretLinks.newToken();
                        Instant now = clock.instant();
                        Instant expiresAt = now.plus(VALIDITY);
                        links.insert(SecretLinks.hash(token), user.getTenantId(), user.getId(), now, expiresAt);
                        audit.record("user", user.getId(), "RESET_REQUEST", null, Map.of("expiresAt", expiresAt.toString()));
                        events.publishEvent(new PasswordResetRequested(user.getTenantId(), user.getId(),
                                user.getEmail(), user.getName(), tenant.getLocale(), token, expiresAt));
                    })));
        } catch (RuntimeException e) {
            log.error("Could not prepare a password reset link", e);
        }
    }

    /** Checks the link before the form is shown: whose it is, or why it is refused. */
    public ResetFor check(String token) {
        PasswordResetStore.Link link = usable(SecretLinks.hash(token));
        return tenantContext.callAs(link.tenantId(), () -> tx.execute(status ->
                new ResetFor(liveUser(link).getEmail())));
    }

    /**
     * Sets a new password with the link (password policy as at sign-up, field {@code password}), spends the link
     * and every other open one of the user, and signs the user out everywhere; they then sign in with it.
     */
    public void reset(String token, String newPassword) {
        String hash = SecretLinks.hash(token);
        PasswordResetStore.Link link = usable(hash);
        tenantContext.runAs(link.tenantId(), () -> tx.executeWithoutResult(status -> {
            UserAccount user = liveUser(link);
            PasswordPolicy.check("password", newPassword, user.getEmail());
            Instant now = clock.instant();
            if (!links.spend(hash, now)) {
                throw refused(links.find(hash).map(l -> l.usedAt() != null).orElse(false) ? Reason.USED : Reason.EXPIRED);
            }
            links.spendAllOf(user.getTenantId(), user.getId(), now);
            ActingUser.call(Logins.principalOf(user), () -> {
                user.changePasswordHash(passwords.encode(newPassword));
                logins.revokeEverything(user);
                audit.record("user", user.getId(), "PASSWORD_RESET", null, Map.of("passwordHash", "[redacted]"));
                return null;
            });
        }));
        log.info("Password of user {} (tenant {}) reset by e-mailed link", link.userId(), link.tenantId());
    }

    private PasswordResetStore.Link usable(String hash) {
        PasswordResetStore.Link link = hash == null ? null : links.find(hash).orElse(null);
        if (link == null) {
            throw refused(Reason.INVALID);
        }
        if (link.usedAt() != null) {
            throw refused(Reason.USED);
        }
        if (!link.expiresAt().isAfter(clock.instant())) {
            throw refused(Reason.EXPIRED);
        }
        return link;
    }

    private UserAccount liveUser(PasswordResetStore.Link link) {
        UserAccount user = users.findLive(link.tenantId(), link.userId()).orElse(null);
        if (user == null || !user.isEnabled()) {
            throw refused(Reason.INVALID);
        }
        return user;
    }

    private static LinkRefusedException refused(Reason reason) {
        return new LinkRefusedException(LINK, reason, switch (reason) {
            case EXPIRED -> "This password reset link has expired; ask for a new one";
            case USED, REVOKED -> "This password reset link was already used; ask for a new one";
            case INVALID -> "This password reset link is not valid; ask for a new one";
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }
}
