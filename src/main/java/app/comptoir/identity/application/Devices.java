package app.comptoir.identity.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.identity.persistence.RememberedDeviceStore;
import app.comptoir.identity.persistence.RememberedDeviceStore.Row;
import app.comptoir.identity.persistence.UserAccountRepository;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Ids;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.RememberedDevices;
import app.comptoir.platform.TenantContext;

/**
 * The devices a user stays signed in on ("remember me"), each revocable from the account page.
 *
 * <p>The cookie holds {@code <business id>.<device id>.<secret>}: the business is set on the transaction
 * (row-level security) before the device row is read, and only the secret's SHA-256 is stored. The secret
 * is not rotated at each use: a page and its parallel requests would race for the new value, and a
 * rotation that loses the race would read as a theft. A device lives {@code comptoir.security.remember-me.ttl}
 * (30 days) after its last use; it dies with the account's token version (password change, sign out
 * everywhere), so those also end the remembered devices.
 */
@Service
public class Devices implements RememberedDevices {

    private static final Pattern COOKIE = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
                    + "-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();
    // A device's last use is written at most this often: a busy day of page loads is not a write each.
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(10);

    /** A remembered device, as its owner sees it on the account page. */
    public record Device(UUID id, String label, Instant createdAt, Instant lastUsedAt, boolean current) {
    }

    private final RememberedDeviceStore store;
    private final UserAccountRepository users;
    private final TenantContext tenantContext;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration ttl;

    Devices(RememberedDeviceStore store, UserAccountRepository users, TenantContext tenantContext,
            PlatformTransactionManager txManager, Clock clock,
            @Value("${comptoir.security.remember-me.ttl:30d}") Duration ttl) {
        this.store = store;
        this.users = users;
        this.tenantContext = tenantContext;
        this.tx = new TransactionTemplate(txManager);
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public String remember(ComptoirPrincipal principal, String deviceLabel) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        String label = deviceLabel == null || deviceLabel.isBlank() ? "?" : deviceLabel.strip();
        tenantContext.runAs(principal.tenantId(), () -> tx.executeWithoutResult(status -> store.insert(
                principal.tenantId(), new Row(id, principal.userId(), hash(secret),
                        label.length() > 120 ? label.substring(0, 120) : label, principal.tokenVersion(), now, now,
                        now.plus(ttl)))));
        return principal.tenantId() + "." + id + "." + secret;
    }

    @Override
    public Optional<ComptoirPrincipal> recall(String cookieValue) {
        Matcher m = cookieValue == null ? null : COOKIE.matcher(cookieValue);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        UUID tenant = UUID.fromString(m.group(1));
        UUID id = UUID.fromString(m.group(2));
        String presented = hash(m.group(3));
        Instant now = clock.instant();
        return tenantContext.callAs(tenant, () -> tx.execute(status -> {
            Optional<Row> device = store.find(tenant, id).filter(d -> MessageDigest.isEqual(
                    d.secretHash().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII)));
            if (device.isEmpty()) {
                return Optional.<ComptoirPrincipal>empty();
            }
            Row row = device.get();
            Optional<ComptoirPrincipal> principal = users.findLive(tenant, row.userId()).filter(u -> u.isEnabled())
                    .map(Logins::principalOf).filter(p -> p.tokenVersion() == row.tokenVersion());
            if (principal.isEmpty() || !now.isBefore(row.expiresAt())) {
                store.delete(tenant, id);
                return Optional.<ComptoirPrincipal>empty();
            }
            if (!now.isBefore(row.lastUsedAt().plus(TOUCH_EVERY))) {
                store.touch(tenant, id, now, now.plus(ttl));
            }
            return principal;
        }));
    }

    @Override
    public void forget(String cookieValue) {
        Matcher m = cookieValue == null ? null : COOKIE.matcher(cookieValue);
        if (m == null || !m.matches()) {
            return;
        }
        UUID tenant = UUID.fromString(m.group(1));
        UUID id = UUID.fromString(m.group(2));
        String presented = hash(m.group(3));
        tenantContext.runAs(tenant, () -> tx.executeWithoutResult(status -> store.find(tenant, id)
                .filter(d -> d.secretHash().equals(presented)).ifPresent(d -> store.delete(tenant, id))));
    }

    /** The signed-in user's live devices (dead ones are swept on the way), the one of this cookie marked. */
    public List<Device> mine(ComptoirPrincipal me, String cookieValue) {
        Matcher m = cookieValue == null ? null : COOKIE.matcher(cookieValue);
        UUID current = m != null && m.matches() ? UUID.fromString(m.group(2)) : null;
        Instant now = clock.instant();
        return tenantContext.callAs(me.tenantId(), () -> tx.execute(status -> {
            store.deleteDead(me.tenantId(), me.userId(), me.tokenVersion(), now);
            return store.ofUser(me.tenantId(), me.userId(), me.tokenVersion(), now).stream()
                    .map(d -> new Device(d.id(), d.label(), d.createdAt(), d.lastUsedAt(), d.id().equals(current)))
                    .toList();
        }));
    }

    /** Revokes one of the signed-in user's devices: its cookie signs nobody in any more (404 if not theirs). */
    public void revoke(ComptoirPrincipal me, UUID deviceId) {
        tenantContext.runAs(me.tenantId(), () -> tx.executeWithoutResult(status -> {
            boolean mine = store.find(me.tenantId(), deviceId).filter(d -> d.userId().equals(me.userId())).isPresent();
            if (!mine || !store.delete(me.tenantId(), deviceId)) {
                throw new NotFoundException("Device", deviceId.toString());
            }
        }));
    }

    private static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
