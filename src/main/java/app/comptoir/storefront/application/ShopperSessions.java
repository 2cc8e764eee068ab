package app.comptoir.storefront.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.storefront.persistence.ShopperSessionStore;

/**
 * Signed-in shoppers: a random 256-bit token per session, held by the browser (a cookie of the shop's pages) or by
 * the store API's client (a bearer token); only its SHA-256 is stored. A session lasts 30 days from its last use
 * (sliding, refreshed at most hourly so that browsing writes nothing), ends at logout, and every session of a
 * shopper ends when their password changes or their account is deleted. A cookie's token does not open the API and
 * a bearer token is not a cookie: each kind is checked as such.
 */
@Service
public class ShopperSessions {

    /** How long a session lives without being used. */
    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final Duration TOUCH_EVERY = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a session's token is held. */
    public enum Kind { COOKIE, BEARER }

    private final ShopperSessionStore store;
    private final ShopBusinesses shops;
    private final TransactionTemplate tx;
    private final Clock clock;

    ShopperSessions(ShopperSessionStore store, ShopBusinesses shops, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.shops = shops;
        this.tx = tx;
        this.clock = clock;
    }

    /** Opens a session for the shopper and returns its token (given once: only its hash is kept). */
    public String start(ShopBusiness shop, UUID shopperId, Kind kind) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = (kind == Kind.BEARER ? "shp_" : "") + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        shops.runAs(shop, () -> tx.executeWithoutResult(s ->
                store.insert(hash(token), shop.tenantId(), shopperId, kind.name(), now, now.plus(LIFETIME))));
        return token;
    }

    /** The shopper of this token at this shop, if the session is live. */
    public Optional<SignedInShopper> current(ShopBusiness shop, String token, Kind kind) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = hash(token);
        Instant now = clock.instant();
        return shops.as(shop, () -> tx.execute(s -> store.find(hash, kind.name(), now).map(found -> {
            if (found.lastSeen().plus(TOUCH_EVERY).isBefore(now)) {
                store.touch(hash, now, now.plus(LIFETIME));
            }
            return found.shopper();
        })));
    }

    /** Ends this session (logout). */
    public void end(ShopBusiness shop, String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return;
        }
        byte[] hash = hash(token);
        shops.runAs(shop, () -> tx.executeWithoutResult(s -> store.delete(hash)));
    }

    /**
     * Ends every session of the shopper but the one of {@code keepToken} (null: all), in the caller's transaction
     * and tenant: after a password change or the deletion of the account.
     */
    public int endAll(UUID shopperId, String keepToken) {
        return store.deleteAll(shopperId, keepToken == null ? null : hash(keepToken));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
