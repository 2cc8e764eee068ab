package app.comptoir.storefront.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.AccountRules;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.UnauthorizedException;
import app.comptoir.sales.OnlineCustomers;
import app.comptoir.storefront.ShopperPasswordResetRequested;
import app.comptoir.storefront.ShopperRegistered;
import app.comptoir.storefront.ShopperVerificationRequested;
import app.comptoir.storefront.domain.ShopperRules;
import app.comptoir.storefront.persistence.ShopperLinkStore;
import app.comptoir.storefront.persistence.ShopperStore;
import app.comptoir.storefront.persistence.ShopperStore.Shopper;

/**
 * The shop's own customer accounts ("shoppers"), one business each: registration (with the sales customer that
 * carries their addresses and orders), e-mail verification and password reset by e-mailed single-use links (48 hours,
 * only their SHA-256 kept), sign-in, the profile, the password, and the deletion of the account (the right to
 * erasure: the shopper and their customer anonymised, their orders kept for the accounts).
 *
 * <p>Identity's rules apply as to staff accounts ({@link AccountRules}: e-mail form, password policy, login
 * throttle), under the shop's own realm {@code shop:<tenant>}: sign-in per address and per e-mail, link requests per
 * address and per e-mail, registrations per address ({@code comptoir.storefront.registrations-per-address} per
 * {@code comptoir.storefront.registration-window}). A wrong password and an unknown e-mail get the same answer, after
 * the same work (a password hash is checked either way).
 */
@Service
public class Shoppers {

    /** How long an e-mailed link works. */
    public static final Duration LINK_VALIDITY = Duration.ofHours(48);
    static final String VERIFY = "VERIFY";
    static final String RESET = "RESET";

    private static final Logger log = LoggerFactory.getLogger(Shoppers.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INVALID_CREDENTIALS = "E-mail or password is incorrect";

    private final ShopperStore store;
    private final ShopperLinkStore links;
    private final ShopperSessions sessions;
    private final ShopBusinesses shops;
    private final OnlineCustomers customers;
    private final AccountRules rules;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int registrationsPerAddress;
    private final Duration registrationWindow;
    private final String timingDummyHash;

    Shoppers(ShopperStore store, ShopperLinkStore links, ShopperSessions sessions, ShopBusinesses shops,
             OnlineCustomers customers, AccountRules rules, PasswordEncoder passwords, ApplicationEventPublisher events,
             TransactionTemplate tx, Clock clock,
             @Value("${comptoir.storefront.registrations-per-address:5}") int registrationsPerAddress,
             @Value("${comptoir.storefront.registration-window:1h}") Duration registrationWindow) {
        this.store = store;
        this.links = links;
        this.sessions = sessions;
        this.shops = shops;
        this.customers = customers;
        this.rules = rules;
        this.passwords = passwords;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.registrationsPerAddress = registrationsPerAddress;
        this.registrationWindow = registrationWindow;
        this.timingDummyHash = passwords.encode("timing-equaliser-" + UUID.randomUUID());
    }

    /** What a new shopper gives: e-mail, password, name, optional phone, and the language of their e-mails. */
    public record Registration(String email, String password, String name, String phone, String locale) {
    }

    /** A shopper's own account as they see it. */
    public record Profile(UUID shopperId, String email, String name, String phone, String locale, boolean emailVerified) {
    }

    // ------------------------------------------------------------------------------------------- registration

    /**
     * Creates the account and its sales customer, and has the verification link e-mailed; the shopper is not signed
     * in by this (the caller signs them in). Field errors on email, password, name, phone, locale; 409 email-taken;
     * 429 past the registrations allowed from the address.
     */
    public UUID register(ShopBusiness shop, Registration r, String clientAddress) {
        if (r == null) {
            throw InvalidInputException.field("email", "is required");
        }
        // every wrong field at once, as the form shows them
        java.util.List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        String email = check(errors, () -> rules.email("email", r.email()));
        ShopperRules.Profile profile = check(errors, () -> ShopperRules.profile(r.name(), r.phone(), r.locale()));
        check(errors, () -> {
            rules.checkPassword("password", r.password(), email);
            return null;
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.getFirst().field() + ": " + errors.getFirst().message(), errors);
        }
        rules.checkRate(realm(shop), "register", clientAddress, registrationsPerAddress, registrationWindow);
        String hash = passwords.encode(r.password());
        try {
            return shops.as(shop, () -> tx.execute(s -> {
                if (store.byEmail(email).isPresent()) {
                    throw new EmailTakenException();
                }
                UUID customerId = customers.create(profile.name(), email, profile.phone());
                UUID id = Ids.newId();
                Instant now = clock.instant();
                store.insert(id, shop.tenantId(), email, hash, profile.name(), profile.phone(), customerId,
                        profile.locale(), now);
                String token = newLink(shop, id, VERIFY, now);
                events.publishEvent(new ShopperRegistered(shop.tenantId(), id, shop.slug(), shop.name(), email,
                        profile.name(), profile.locale(), token, now.plus(LINK_VALIDITY)));
                log.info("Shopper {} registered at shop {}", id, shop.slug());
                return id;
            }));
        } catch (DuplicateKeyException e) {
            // the same e-mail registered by a parallel request: the unique index decided
            throw new EmailTakenException();
        }
    }

    /** Verifies the shopper's e-mail with the link (410 when it is unknown, expired or used); returns whose it is. */
    public UUID verify(ShopBusiness shop, String token) {
        String hash = hash(token);
        return shops.as(shop, () -> tx.execute(s -> {
            ShopperLinkStore.Link link = usable(hash, VERIFY);
            Instant now = clock.instant();
            if (!links.spend(hash, now)) {
                throw new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.USED);
            }
            if (!store.verify(link.shopperId(), now)) {
                throw new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.INVALID);
            }
            return link.shopperId();
        }));
    }

    /** E-mails a new verification link to a signed-in shopper whose address is not verified yet (429 when asked too often). */
    public void resendVerification(ShopBusiness shop, UUID shopperId, String clientAddress) {
        shops.runAs(shop, () -> tx.executeWithoutResult(s -> {
            Shopper shopper = store.find(shopperId).orElseThrow(() -> new NotFoundException("Shopper", shopperId));
            if (shopper.emailVerifiedAt() != null) {
                return;
            }
            rules.checkLinkRequest(realm(shop), "verify:" + shopper.email(), clientAddress);
            Instant now = clock.instant();
            links.spendAll(shopperId, VERIFY, now);
            String token = newLink(shop, shopperId, VERIFY, now);
            events.publishEvent(new ShopperVerificationRequested(shop.tenantId(), shopperId, shop.slug(), shop.name(),
                    shopper.email(), shopper.name(), shopper.locale(), token, now.plus(LINK_VALIDITY)));
        }));
    }

    // ------------------------------------------------------------------------------------------------ sign-in

    /**
     * Checks the e-mail and password (throttled per address and per e-mail: 429) and opens a session of the kind;
     * returns its token. An unknown e-mail and a wrong password are the same 401 {@code shopper-credentials}.
     */
    public String signIn(ShopBusiness shop, String email, String password, String clientAddress,
                         ShopperSessions.Kind kind) {
        String normalized = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        rules.checkLogin(realm(shop), normalized, clientAddress);
        Shopper shopper = normalized.isEmpty() || normalized.length() > 254 ? null
                : shops.as(shop, () -> tx.execute(s -> store.byEmail(normalized).orElse(null)));
        String stored = shopper == null || shopper.passwordHash() == null ? timingDummyHash : shopper.passwordHash();
        boolean matches = password != null && password.length() <= 1024 && passwords.matches(password, stored);
        if (shopper == null || shopper.passwordHash() == null || !matches) {
            rules.loginFailed(realm(shop), normalized, clientAddress);
            throw new UnauthorizedException("shopper-credentials", INVALID_CREDENTIALS);
        }
        rules.loginSucceeded(realm(shop), normalized, clientAddress);
        return sessions.start(shop, shopper.id(), kind);
    }

    // ---------------------------------------------------------------------------------------- password reset

    /**
     * Asks for a reset link for the e-mail: the same silent answer whether the shop has such an account or not (a
     * malformed address is a field error on {@code email}; too many requests, 429).
     */
    public void requestReset(ShopBusiness shop, String email, String clientAddress) {
        String normalized = rules.email("email", email);
        rules.checkLinkRequest(realm(shop), normalized, clientAddress);
        shops.runAs(shop, () -> tx.executeWithoutResult(s -> store.byEmail(normalized).ifPresent(shopper -> {
            Instant now = clock.instant();
            String token = newLink(shop, shopper.id(), RESET, now);
            events.publishEvent(new ShopperPasswordResetRequested(shop.tenantId(), shopper.id(), shop.slug(),
                    shop.name(), shopper.email(), shopper.name(), shopper.locale(), token, now.plus(LINK_VALIDITY)));
        })));
    }

    /** Whose password a reset link sets (shown on the form), or 410. */
    public String checkReset(ShopBusiness shop, String token) {
        String hash = hash(token);
        return shops.as(shop, () -> tx.execute(s -> store.find(usable(hash, RESET).shopperId())
                .orElseThrow(() -> new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.INVALID))
                .email()));
    }

    /**
     * Sets a new password with the link (the policy, field {@code password}), spends every reset link of the shopper,
     * ends every session (a thief signed in is out) and counts the e-mail as verified (the link reached it).
     */
    public void reset(ShopBusiness shop, String token, String newPassword) {
        String hash = hash(token);
        shops.runAs(shop, () -> tx.executeWithoutResult(s -> {
            ShopperLinkStore.Link link = usable(hash, RESET);
            Shopper shopper = store.lock(link.shopperId())
                    .orElseThrow(() -> new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.INVALID));
            rules.checkPassword("password", newPassword, shopper.email());
            Instant now = clock.instant();
            if (!links.spend(hash, now)) {
                throw new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.USED);
            }
            links.spendAll(shopper.id(), RESET, now);
            store.updatePassword(shopper.id(), passwords.encode(newPassword), now);
            store.verify(shopper.id(), now);
            sessions.endAll(shopper.id(), null);
        }));
    }

    // ------------------------------------------------------------------------------------------------ account

    /** The signed-in shopper's account. */
    public Profile profile(ShopBusiness shop, UUID shopperId) {
        return shops.as(shop, () -> tx.execute(s -> profileOf(live(shopperId))));
    }

    /** Changes the name, phone and language (the sales customer's name and phone follow). */
    public Profile updateProfile(ShopBusiness shop, UUID shopperId, String name, String phone, String locale) {
        ShopperRules.Profile p = ShopperRules.profile(name, phone, locale);
        return shops.as(shop, () -> tx.execute(s -> {
            Shopper shopper = store.lock(shopperId).orElseThrow(() -> new NotFoundException("Shopper", shopperId));
            store.updateProfile(shopperId, p.name(), p.phone(), p.locale(), clock.instant());
            if (shopper.customerId() != null) {
                customers.update(shopper.customerId(), p.name(), shopper.email(), p.phone());
            }
            return profileOf(live(shopperId));
        }));
    }

    /**
     * Changes the password with the current one (field {@code currentPassword}: "is incorrect", throttled as a
     * sign-in) and ends every other session (the one of {@code keepToken} stays signed in).
     */
    public void changePassword(ShopBusiness shop, UUID shopperId, String current, String next, String keepToken,
                               String clientAddress) {
        checkCurrentPassword(shop, shopperId, current, clientAddress, "currentPassword");
        shops.runAs(shop, () -> tx.executeWithoutResult(s -> {
            Shopper shopper = store.lock(shopperId).orElseThrow(() -> new NotFoundException("Shopper", shopperId));
            rules.checkPassword("newPassword", next, shopper.email());
            if (passwords.matches(next, shopper.passwordHash())) {
                throw InvalidInputException.field("newPassword", "must differ from the current password");
            }
            store.updatePassword(shopperId, passwords.encode(next), clock.instant());
            sessions.endAll(shopperId, keepToken);
        }));
    }

    /**
     * Deletes the account for good, with the password (field {@code password}): the shopper anonymised and
     * soft-deleted, every session ended and link spent, the sales customer anonymised; the orders stay.
     */
    public void delete(ShopBusiness shop, UUID shopperId, String password, String clientAddress) {
        checkCurrentPassword(shop, shopperId, password, clientAddress, "password");
        shops.runAs(shop, () -> tx.executeWithoutResult(s -> {
            Shopper shopper = store.lock(shopperId).orElseThrow(() -> new NotFoundException("Shopper", shopperId));
            Instant now = clock.instant();
            sessions.endAll(shopperId, null);
            links.spendAll(shopperId, null, now);
            store.anonymise(shopperId, now);
            if (shopper.customerId() != null) {
                customers.anonymise(shopper.customerId());
            }
            log.info("Shopper {} deleted their account at shop {}", shopperId, shop.slug());
        }));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Checks the shopper's current password as a sign-in is checked (throttled), outside any transaction: a failure
     * must count even though the change it guarded is refused.
     */
    private void checkCurrentPassword(ShopBusiness shop, UUID shopperId, String given, String clientAddress,
                                      String field) {
        Shopper shopper = shops.as(shop, () -> tx.execute(s -> live(shopperId)));
        rules.checkLogin(realm(shop), shopper.email(), clientAddress);
        if (given == null || given.isEmpty() || given.length() > 1024 || shopper.passwordHash() == null
                || !passwords.matches(given, shopper.passwordHash())) {
            rules.loginFailed(realm(shop), shopper.email(), clientAddress);
            throw InvalidInputException.field(field, "is incorrect");
        }
        rules.loginSucceeded(realm(shop), shopper.email(), clientAddress);
    }

    private Shopper live(UUID shopperId) {
        return store.find(shopperId).orElseThrow(() -> new NotFoundException("Shopper", shopperId));
    }

    private static Profile profileOf(Shopper s) {
        return new Profile(s.id(), s.email(), s.name(), s.phone(), s.locale(), s.emailVerifiedAt() != null);
    }

    private ShopperLinkStore.Link usable(String hash, String purpose) {
        ShopperLinkStore.Link link = hash == null ? null : links.find(hash).filter(l -> l.purpose().equals(purpose))
                .orElse(null);
        if (link == null) {
            throw new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.INVALID);
        }
        if (link.usedAt() != null) {
            throw new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.USED);
        }
        if (!link.expiresAt().isAfter(clock.instant())) {
            throw new ShopperLinkRefusedException(ShopperLinkRefusedException.Reason.EXPIRED);
        }
        return link;
    }

    /** Stores a new link of the shopper and returns its token (given once: only its hash is kept). */
    private String newLink(ShopBusiness shop, UUID shopperId, String purpose, Instant now) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        links.insert(hash(token), shop.tenantId(), shopperId, purpose, now, now.plus(LINK_VALIDITY));
        return token;
    }

    /** The stored form of a token (hex SHA-256), or null for a value that cannot be one of ours. */
    static String hash(String token) {
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

    private static <T> T check(java.util.List<InvalidInputException.FieldError> errors,
                               java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** The shop's realm in identity's login throttle: its shoppers never count against staff, nor other shops. */
    private static String realm(ShopBusiness shop) {
        return "shop:" + shop.tenantId();
    }
}
