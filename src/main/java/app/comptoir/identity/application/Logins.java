package app.comptoir.identity.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.BusinessKind;
import app.comptoir.identity.BusinessRegistrations;
import app.comptoir.identity.TenantCreated;
import app.comptoir.identity.domain.BusinessSettingsRules;
import app.comptoir.identity.domain.LoginDirectoryEntry;
import app.comptoir.identity.domain.LoginEmail;
import app.comptoir.identity.domain.PasswordPolicy;
import app.comptoir.identity.domain.RefreshToken;
import app.comptoir.identity.domain.Tenant;
import app.comptoir.identity.domain.TenantSlugs;
import app.comptoir.identity.domain.UserAccount;
import app.comptoir.identity.persistence.LoginDirectoryRepository;
import app.comptoir.identity.persistence.RefreshTokenRepository;
import app.comptoir.identity.persistence.TenantRepository;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.AccessTokens;
import app.comptoir.platform.AccountStatus;
import app.comptoir.platform.BusinessModule;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.ComptoirProperties;
import app.comptoir.platform.ConflictException;
import app.comptoir.platform.CredentialsVerifier;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.Role;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.UnauthorizedException;

/**
 * The logins of the deployment (an e-mail of the login directory, its password and its refresh-token
 * families): sign-up creates one, login verifies it, refresh rotates its tokens with reuse detection,
 * logout revokes them, and a password change re-keys it.
 *
 * <p>Every step that touches tenant-owned rows runs for the tenant found in the login directory or in
 * the refresh token, so row-level security applies even before anybody is signed in.
 */
@Service
public class Logins implements CredentialsVerifier, BusinessRegistrations {

    private static final Logger log = LoggerFactory.getLogger(Logins.class);
    private static final String INVALID_CREDENTIALS = "E-mail or password is incorrect";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantRepository tenants;
    private final UserAccountRepository users;
    private final LoginDirectoryRepository directory;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final LoginThrottle throttle;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration refreshTtl;
    private final ApplicationEventPublisher events;
    private final AccountStatus accounts;
    private final String timingDummyHash;

    Logins(TenantRepository tenants, UserAccountRepository users, LoginDirectoryRepository directory,
                RefreshTokenRepository refreshTokens, PasswordEncoder passwords, AccessTokens accessTokens,
                LoginThrottle throttle, TenantContext tenantContext, PlatformTransactionManager txManager, Clock clock,
                ComptoirProperties properties, ApplicationEventPublisher events, AccountStatus accounts) {
        this.tenants = tenants;
        this.users = users;
        this.directory = directory;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.refreshTtl = properties.security().refreshTokenTtl();
        this.events = events;
        this.accounts = accounts;
        this.timingDummyHash = passwords.encode("timing-equaliser-" + UUID.randomUUID());
    }

    /**
     * What sign-up needs: the business name, the first admin's e-mail and password, and optional settings
     * ({@code pricesIncludeVat} null: prices including VAT, as a shop selling to consumers enters them).
     */
    public record Signup(String businessName, String email, String password, String name, String locale,
                         String currency, Boolean pricesIncludeVat, BusinessKind kind) {

        /** Sign-up with prices including VAT (the default of a new business). */
        public Signup(String businessName, String email, String password, String name, String locale, String currency) {
            this(businessName, email, password, name, locale, currency, null, null);
        }

        /** A merchant's sign-up. */
        public Signup(String businessName, String email, String password, String name, String locale, String currency,
                      Boolean pricesIncludeVat) {
            this(businessName, email, password, name, locale, currency, pricesIncludeVat, null);
        }
    }

    /** Registers a business for another module (a supplier invited by a shopkeeper): no tokens, no session. */
    @Override
    public ComptoirPrincipal register(NewBusiness business, String clientAddress) {
        return signupForSession(new Signup(business.businessName(), business.email(), business.password(),
                business.name(), business.locale(), business.currency(), null, business.kind()), clientAddress);
    }

    /** Creates a tenant with its first ADMIN user and signs them in. */
    public AuthResult signup(Signup request, String clientAddress) {
        return register(request, clientAddress, (user, tenant) -> issue(user, tenant, Ids.newId(), null));
    }

    /**
     * Creates a tenant with its first ADMIN user for a browser session: the web UI keeps the principal in
     * its session, so no tokens are issued (a refresh token nobody holds would only linger in the table).
     */
    public ComptoirPrincipal signupForSession(Signup request, String clientAddress) {
        return register(request, clientAddress, (user, tenant) -> principalOf(user));
    }

    private <T> T register(Signup request, String clientAddress, BiFunction<UserAccount, Tenant, T> signIn) {
        throttle.checkAddress(clientAddress);
        String email = LoginEmail.normalize(request.email());
        String businessName = BusinessSettingsRules.name("businessName", request.businessName());
        PasswordPolicy.check("password", request.password(), email);
        String locale = BusinessSettingsRules.locale(
                request.locale() == null || request.locale().isBlank() ? "fr" : request.locale().trim());
        String currency = BusinessSettingsRules.currency(
                request.currency() == null || request.currency().isBlank() ? "EUR" : request.currency());
        String timezone = BusinessSettingsRules.defaultTimezone(currency);
        String name = request.name() == null || request.name().isBlank() ? email.substring(0, email.indexOf('@'))
                : request.name().trim();
        UUID tenantId = Ids.newId();
        UUID userId = Ids.newId();
        return tenantContext.callAs(tenantId, () -> tx.execute(status -> {
            if (directory.existsById(email)) {
                throw new ConflictException("email-taken", "An account already exists with this e-mail address");
            }
            // A registered supplier's business has only its supplier space (purchasing): no shop, no stock. A
            // merchant's public shop starts off, like a shop not launched yet: it opens when the business says so;
            // vehicle inspections are for an inspection centre, which switches them on in the settings.
            BusinessKind kind = request.kind() == null ? BusinessKind.MERCHANT : request.kind();
            Set<BusinessModule> modules = kind == BusinessKind.SUPPLIER ? EnumSet.of(BusinessModule.PURCHASING)
                    : EnumSet.complementOf(EnumSet.of(BusinessModule.STOREFRONT, BusinessModule.INSPECTIONS));
            Tenant tenant = new Tenant(tenantId, businessName, uniqueSlug(businessName), currency, locale, timezone,
                    modules, false, !Boolean.FALSE.equals(request.pricesIncludeVat()), kind);
            tenants.saveAndFlush(tenant);
            UserAccount user = new UserAccount(userId, tenantId, email, name, passwords.encode(request.password()),
                    Set.of(Role.ADMIN));
            user.signedIn(Instant.now(clock));
            users.save(user);
            directory.save(new LoginDirectoryEntry(email, tenantId, userId));
            events.publishEvent(new TenantCreated(tenantId, tenant.getSlug(), false));
            log.info("Signed up business '{}' (tenant {}) from {}", tenant.getSlug(), tenantId, clientAddress);
            return signIn.apply(user, tenant);
        }));
    }

    /** Checks credentials (throttled) and issues tokens. */
    public AuthResult login(String email, String password, String clientAddress) {
        ComptoirPrincipal principal = verify(email, password, clientAddress);
        if (accounts.businessSuspended(principal.tenantId())) {
            throw new BusinessSuspendedException();
        }
        return tenantContext.callAs(principal.tenantId(), () -> tx.execute(status -> {
            UserAccount user = users.findLive(principal.tenantId(), principal.userId()).orElseThrow();
            return issue(user, tenants.findById(user.getTenantId()).orElseThrow(), Ids.newId(), null);
        }));
    }

    @Override
    public ComptoirPrincipal verify(String email, String password, String clientAddress) {
        throttle.checkAttempt(email, clientAddress);
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        Optional<LoginDirectoryEntry> entry = normalized.isEmpty() ? Optional.empty() : directory.findById(normalized);
        if (entry.isEmpty()) {
            passwords.matches(password == null ? "" : password, timingDummyHash);
            log.warn("Failed login for unknown e-mail {} from {}", normalized, clientAddress);
            throttle.failed(normalized, clientAddress);
            throw new UnauthorizedException("invalid-credentials", INVALID_CREDENTIALS);
        }
        UUID tenantId = entry.get().getTenantId();
        ComptoirPrincipal principal = tenantContext.callAs(tenantId, () -> tx.execute(status -> {
            UserAccount user = users.findLive(tenantId, entry.get().getUserId()).orElse(null);
            if (user == null || password == null || !passwords.matches(password, user.getPasswordHash())) {
                return null;
            }
            if (!user.isEnabled()) {
                throw new UnauthorizedException("account-disabled", "This account is disabled; ask your administrator");
            }
            // one statement each, outside the entity's version: parallel logins of one account never conflict
            users.recordLogin(tenantId, user.getId(), Instant.now(clock));
            if (passwords.upgradeEncoding(user.getPasswordHash())) {
                users.upgradePasswordHash(tenantId, user.getId(), user.getPasswordHash(), passwords.encode(password));
            }
            return principalOf(user);
        }));
        if (principal == null) {
            log.warn("Failed login for {} (tenant {}) from {}", normalized, tenantId, clientAddress);
            throttle.failed(normalized, clientAddress);
            throw new UnauthorizedException("invalid-credentials", INVALID_CREDENTIALS);
        }
        throttle.succeeded(normalized, clientAddress);
        return principal;
    }

    /** Exchanges a refresh token for new tokens; a token presented twice revokes its whole family. */
    public AuthResult refresh(String refreshToken) {
        ParsedToken parsed = ParsedToken.parse(refreshToken);
        RefreshOutcome outcome = tenantContext.callAs(parsed.tenantId(), () -> tx.execute(status -> {
            RefreshToken stored = refreshTokens.lock(parsed.tenantId(), parsed.tokenId()).orElse(null);
            if (stored == null || !MessageDigest.isEqual(stored.getTokenHash().getBytes(StandardCharsets.US_ASCII),
                    hash(parsed.secret()).getBytes(StandardCharsets.US_ASCII))) {
                return RefreshOutcome.INVALID;
            }
            Instant now = Instant.now(clock);
            if (stored.getRevokedAt() != null || !stored.getExpiresAt().isAfter(now)) {
                return RefreshOutcome.INVALID;
            }
            if (stored.getUsedAt() != null) {
                log.warn("Refresh token reuse detected for user {} (tenant {}): family {} revoked", stored.getUserId(),
                        stored.getTenantId(), stored.getFamilyId());
                refreshTokens.revokeFamily(stored.getTenantId(), stored.getFamilyId(), now);
                return RefreshOutcome.REUSED;
            }
            stored.markUsed(now);
            UserAccount user = users.findLive(stored.getTenantId(), stored.getUserId()).orElse(null);
            if (user == null || !user.isEnabled()) {
                refreshTokens.revokeFamily(stored.getTenantId(), stored.getFamilyId(), now);
                return RefreshOutcome.INVALID;
            }
            // the family keeps the expiry of its sign-in: rotating never extends it
            return new RefreshOutcome(issue(user, tenants.findById(user.getTenantId()).orElseThrow(),
                    stored.getFamilyId(), stored.getExpiresAt()));
        }));
        if (outcome.equals(RefreshOutcome.REUSED)) {
            throw new UnauthorizedException("refresh-token-reused",
                    "This refresh token was already used; all sessions of this login were revoked, sign in again");
        }
        if (outcome.equals(RefreshOutcome.INVALID)) {
            throw new UnauthorizedException("invalid-refresh-token", "The refresh token is invalid, expired or revoked");
        }
        return outcome.result();
    }

    /** Revokes the refresh token's family; unknown tokens are ignored (logging out is always safe). */
    public void logout(String refreshToken) {
        ParsedToken parsed;
        try {
            parsed = ParsedToken.parse(refreshToken);
        } catch (UnauthorizedException e) {
            return;
        }
        tenantContext.runAs(parsed.tenantId(), () -> tx.executeWithoutResult(status ->
                refreshTokens.findById(parsed.tokenId())
                        .filter(t -> t.getTenantId().equals(parsed.tenantId()))
                        .filter(t -> t.getTokenHash().equals(hash(parsed.secret())))
                        .ifPresent(t -> refreshTokens.revokeFamily(t.getTenantId(), t.getFamilyId(), Instant.now(clock)))));
    }

    /**
     * Changes the signed-in user's password and ends every other session and token of theirs (refresh
     * tokens revoked, token version raised); the caller keeps working with the new tokens returned.
     */
    public AuthResult changePassword(ComptoirPrincipal principal, String currentPassword, String newPassword,
                                     String clientAddress) {
        return throttled(principal, clientAddress, () -> changePassword(principal, currentPassword, newPassword,
                (user, tenant) -> issue(user, tenant, Ids.newId(), null)));
    }

    /**
     * Changes the signed-in user's password for a browser session: every other session and token ends,
     * and the caller's session continues with the principal returned (of the new token version).
     */
    public ComptoirPrincipal changePasswordForSession(ComptoirPrincipal principal, String currentPassword,
                                                     String newPassword, String clientAddress) {
        return throttled(principal, clientAddress, () -> changePassword(principal, currentPassword, newPassword,
                (user, tenant) -> principalOf(user)));
    }

    /** A password change throttled like a login: a stolen session must not become a password-guessing oracle. */
    private <T> T throttled(ComptoirPrincipal principal, String clientAddress, java.util.function.Supplier<T> change) {
        throttle.checkAttempt(principal.email(), clientAddress);
        T result;
        try {
            result = change.get();
        } catch (InvalidInputException e) {
            // Counted here, after the rollback: recorded inside the transaction, the failure would be undone.
            if (e.errors().stream().anyMatch(error -> error.field().equals("currentPassword"))) {
                throttle.failed(principal.email(), clientAddress);
            }
            throw e;
        }
        throttle.succeeded(principal.email(), clientAddress);
        return result;
    }

    /** Signs the user out everywhere: every refresh token revoked, every access token and web session ended. */
    public void logoutEverywhere(ComptoirPrincipal principal) {
        tenantContext.runAs(principal.tenantId(), () -> tx.executeWithoutResult(status -> {
            UserAccount user = users.findLive(principal.tenantId(), principal.userId())
                    .orElseThrow(() -> new UnauthorizedException("invalid-token", "The account no longer exists"));
            revokeEverything(user);
        }));
        log.info("User {} (tenant {}) signed out everywhere", principal.userId(), principal.tenantId());
    }

    /** Signs the user out everywhere (inside the caller's transaction, for the user's tenant). */
    void revokeEverything(UserAccount user) {
        user.revokeTokens();
        users.flush();
        refreshTokens.revokeAllOfUser(user.getTenantId(), user.getId(), Instant.now(clock));
        accounts.evict(user.getId());
    }

    private <T> T changePassword(ComptoirPrincipal principal, String currentPassword, String newPassword,
                                 BiFunction<UserAccount, Tenant, T> keepSignedIn) {
        return tenantContext.callAs(principal.tenantId(), () -> tx.execute(status -> {
            UserAccount user = users.findLive(principal.tenantId(), principal.userId())
                    .orElseThrow(() -> new UnauthorizedException("invalid-token", "The account no longer exists"));
            if (currentPassword == null || !passwords.matches(currentPassword, user.getPasswordHash())) {
                throw InvalidInputException.field("currentPassword", "is incorrect");
            }
            PasswordPolicy.check("newPassword", newPassword, user.getEmail());
            if (passwords.matches(newPassword, user.getPasswordHash())) {
                throw InvalidInputException.field("newPassword", "must differ from the current password");
            }
            user.changePasswordHash(passwords.encode(newPassword));
            revokeEverything(user);
            return keepSignedIn.apply(user, tenants.findById(user.getTenantId()).orElseThrow());
        }));
    }

    /** The signed-in user and their tenant (without tokens). */
    public AuthResult me(ComptoirPrincipal principal) {
        return tenantContext.callAs(principal.tenantId(), () -> tx.execute(status -> {
            UserAccount user = users.findLive(principal.tenantId(), principal.userId())
                    .orElseThrow(() -> new UnauthorizedException("invalid-token", "The account no longer exists"));
            Tenant tenant = tenants.findById(principal.tenantId()).orElseThrow();
            return new AuthResult(null, null, 0, null, userOf(user), tenantOf(tenant));
        }));
    }

    static ComptoirPrincipal principalOf(UserAccount user) {
        return new ComptoirPrincipal(user.getId(), user.getTenantId(), user.getEmail(), user.getName(), user.getRoles(),
                user.getTokenVersion());
    }

    /** New tokens; {@code familyExpiresAt} is null for a new family (a sign-in), which lives {@code refreshTtl}. */
    private AuthResult issue(UserAccount user, Tenant tenant, UUID familyId, Instant familyExpiresAt) {
        Instant now = Instant.now(clock);
        UUID tokenId = Ids.newId();
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        refreshTokens.save(new RefreshToken(tokenId, user.getTenantId(), user.getId(), familyId, hash(secret), now,
                familyExpiresAt == null ? now.plus(refreshTtl) : familyExpiresAt));
        String refresh = user.getTenantId() + "." + tokenId + "." + secret;
        String access = accessTokens.issue(principalOf(user));
        return new AuthResult(access, refresh, accessTokens.ttl().toSeconds(), "Bearer", userOf(user), tenantOf(tenant));
    }

    private static AuthResult.User userOf(UserAccount user) {
        return new AuthResult.User(user.getId(), user.getEmail(), user.getName(), user.getRoles());
    }

    private static AuthResult.TenantSummary tenantOf(Tenant tenant) {
        return new AuthResult.TenantSummary(tenant.getId(), tenant.getName(), tenant.getSlug(), tenant.getCurrency(),
                tenant.getLocale());
    }

    private String uniqueSlug(String businessName) {
        String base = TenantSlugs.of(businessName);
        String slug = base;
        for (int i = 2; tenants.existsBySlug(slug); i++) {
            slug = base + "-" + i;
        }
        return slug;
    }


    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record ParsedToken(UUID tenantId, UUID tokenId, String secret) {
        static ParsedToken parse(String token) {
            String[] parts = token == null ? new String[0] : token.trim().split("\\.");
            if (parts.length != 3) {
                throw new UnauthorizedException("invalid-refresh-token", "The refresh token is invalid, expired or revoked");
            }
            try {
                return new ParsedToken(UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2]);
            } catch (IllegalArgumentException e) {
                throw new UnauthorizedException("invalid-refresh-token", "The refresh token is invalid, expired or revoked");
            }
        }
    }

    private record RefreshOutcome(String kind, AuthResult result) {
        static final RefreshOutcome INVALID = new RefreshOutcome("invalid", null);
        static final RefreshOutcome REUSED = new RefreshOutcome("reused", null);

        RefreshOutcome(AuthResult result) {
            this("ok", result);
        }
    }
}
