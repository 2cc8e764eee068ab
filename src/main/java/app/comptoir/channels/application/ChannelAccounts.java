package app.comptoir.channels.application;

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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.channels.domain.PairingCode;
import app.comptoir.channels.domain.RateCap;
import app.comptoir.channels.persistence.AccountStore;
import app.comptoir.channels.persistence.DeviceStore;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TooManyRequestsException;
import app.comptoir.platform.UnauthorizedException;

/**
 * A business's marketplace accounts and the browser extension's devices: the one-time pairing code staff show, the
 * device token the extension gets for it (only its SHA-256 is kept), the Vinted session the extension sends (sealed
 * before it is stored), and the accounts as the back office sees them, without any secret.
 */
@Service
public class ChannelAccounts {

    /** A pairing code as shown once. */
    public record Pairing(String code, Instant expiresAt) {
    }

    /** The device token, given once to the extension, and the business it acts for. */
    public record Claimed(String token, TenantProfile business) {
    }

    /** The device a bearer token belongs to. */
    public record Device(UUID tenantId, UUID deviceId) {
    }

    /** What the extension sends from a logged-in Vinted tab. */
    public record VintedSession(String host, Map<String, String> cookies, String csrfToken, String anonId, Long userId,
                                String username) {

        @Override
        public String toString() {
            return "VintedSession[host=" + host + ", userId=" + userId + ", username=" + username + ", secrets hidden]";
        }
    }

    /** An account as the API shows it: never its session. */
    public record AccountView(UUID id, String kind, String status, String username, Long userId, Instant lastSyncAt,
                              String lastError, Instant pausedUntil, String pauseReason, RateCap.Usage rate,
                              int writeLimit) {
    }

    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration CLAIM_WINDOW = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore accounts;
    private final DeviceStore devices;
    private final ChannelSecrets secrets;
    private final WriteSlots slots;
    private final Tenants tenants;
    private final Permissions permissions;
    private final TenantContext tenantContext;
    private final Clock clock;
    private final ChannelSettings settings;

    ChannelAccounts(AccountStore accounts, DeviceStore devices, ChannelSecrets secrets, WriteSlots slots,
                    Tenants tenants, Permissions permissions, TenantContext tenantContext, Clock clock,
                    ChannelSettings settings) {
        this.settings = settings;
        this.accounts = accounts;
        this.devices = devices;
        this.secrets = secrets;
        this.slots = slots;
        this.tenants = tenants;
        this.permissions = permissions;
        this.tenantContext = tenantContext;
        this.clock = clock;
    }

    /** A new one-time code that pairs the extension with the current business, valid 10 minutes. */
    @Transactional
    public Pairing createPairing() {
        permissions.require(Permission.CATALOG_WRITE);
        String code = PairingCode.generate();
        Instant expires = clock.instant().plus(CODE_LIFETIME);
        devices.saveCode(hash(PairingCode.normalize(code).orElseThrow()), tenantContext.requireTenant(), expires);
        return new Pairing(code, expires);
    }

    /**
     * Exchanges a pairing code for a device token. A wrong, expired or used code gets one and the same 400; after
     * {@code comptoir.channels.pairing.failures-per-address} failures from one address in 15 minutes, a 429.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public Optional<UUID> claimCode(String code, String address) {
        Instant now = clock.instant();
        if (devices.failuresSince(address, now.minus(CLAIM_WINDOW)) >= settings.pairing().failuresPerAddress()) {
            throw new TooManyRequestsException("Too many wrong pairing codes from this address; try again later",
                    CLAIM_WINDOW);
        }
        Optional<UUID> tenant = PairingCode.normalize(code).flatMap(c -> devices.useCode(hash(c), now));
        if (tenant.isEmpty()) {
            devices.failure(address, now);
        }
        return tenant;
    }

    /** Registers the extension's device in the business the code paired (run under that business). */
    @Transactional
    public Claimed addDevice(String label) {
        UUID tenant = tenantContext.requireTenant();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String name = label == null || label.isBlank() ? "Extension" : label.strip();
        devices.addDevice(tenant, Ids.newId(), name.length() > 120 ? name.substring(0, 120) : name, hash(token),
                clock.instant());
        return new Claimed(token, tenants.current());
    }

    /** The device of a bearer token; 401 when the token is unknown or its device was revoked. */
    @Transactional
    public Device device(String token) {
        if (token == null || token.length() < 20 || token.length() > 200) {
            throw new UnauthorizedException("device-token", "This endpoint needs the extension's device token");
        }
        DeviceStore.TokenOwner owner = devices.owner(hash(token))
                .orElseThrow(() -> new UnauthorizedException("device-token", "Unknown or revoked device token"));
        return new Device(owner.tenantId(), owner.deviceId());
    }

    /** Marks the device seen; 401 when it was revoked (run under its business). */
    @Transactional
    public void touch(Device device) {
        if (!devices.seen(device.tenantId(), device.deviceId(), clock.instant())) {
            throw new UnauthorizedException("device-token", "Unknown or revoked device token");
        }
    }

    /** Creates or refreshes the business's Vinted web account of that user, with the session sealed. */
    @Transactional
    public AccountView connect(VintedSession session) {
        UUID tenant = tenantContext.requireTenant();
        var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
        if (session.userId() == null || session.userId() <= 0) {
            errors.add(new InvalidInputException.FieldError("userId", "the Vinted user id is required"));
        }
        if (session.username() == null || session.username().isBlank() || session.username().length() > 120) {
            errors.add(new InvalidInputException.FieldError("username", "the Vinted login is required"));
        }
        if (session.cookies() == null || session.cookies().isEmpty() || session.cookies().size() > 30) {
            errors.add(new InvalidInputException.FieldError("cookies", "the session's cookies are required"));
        }
        if (session.cookies() != null && session.cookies().entrySet().stream().anyMatch(c -> c.getKey() == null
                || !c.getKey().matches("[A-Za-z0-9_.-]{1,100}") || c.getValue() == null || c.getValue().length() > 4096
                || !c.getValue().matches("[\\x21-\\x7E&&[^;,\\\\\"]]*"))) {
            errors.add(new InvalidInputException.FieldError("cookies", "cookie names and values as a browser sends them"));
        }
        for (String[] field : new String[][] {{"csrfToken", session.csrfToken()}, {"anonId", session.anonId()}}) {
            if (field[1] != null && (field[1].length() > 512 || !field[1].matches("[\\x21-\\x7E]*"))) {
                errors.add(new InvalidInputException.FieldError(field[0], "printable characters, at most 512"));
            }
        }
        if (session.host() == null || !session.host().matches("[A-Za-z0-9.-]{3,120}")) {
            errors.add(new InvalidInputException.FieldError("host", "the Vinted site, e.g. www.vinted.fr"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The session is incomplete", errors);
        }
        Instant now = clock.instant();
        ChannelSecrets.Session material = new ChannelSecrets.Session(Map.copyOf(session.cookies()),
                session.csrfToken(), session.anonId());
        String username = session.username().strip();
        Optional<AccountStore.Stored> existing = accounts.findByUser(tenant, "VINTED_WEB", session.userId());
        UUID id = existing.map(AccountStore.Stored::id).orElseGet(Ids::newId);
        if (existing.isPresent()) {
            accounts.reconnect(tenant, id, username, session.host(), secrets.seal(tenant, id, material), now);
        } else {
            accounts.insert(tenant, id, "VINTED_WEB", username, session.userId(), session.host(),
                    secrets.seal(tenant, id, material), now);
        }
        return view(accounts.find(tenant, id).orElseThrow());
    }

    /** The business's accounts. */
    @Transactional(readOnly = true)
    public List<AccountView> accounts() {
        permissions.require(Permission.READ);
        return accounts.all(tenantContext.requireTenant()).stream().map(this::view).toList();
    }

    /** The business's accounts, for the extension's popup (run under the device's business). */
    @Transactional(readOnly = true)
    public List<AccountView> accountsOfDevice() {
        return accounts.all(tenantContext.requireTenant()).stream().map(this::view).toList();
    }

    /** The current business, for the extension. */
    public TenantProfile business() {
        return tenants.current();
    }

    /** One account; 404 when the business has none with this id. */
    @Transactional(readOnly = true)
    public AccountView account(UUID id) {
        permissions.require(Permission.READ);
        return view(accounts.find(tenantContext.requireTenant(), id).orElseThrow(() -> new NotFoundException("account", id)));
    }

    /** Changes the account's cap (writes per rolling window). */
    @Transactional
    public AccountView limit(UUID id, int writeLimit) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        accounts.find(tenant, id).orElseThrow(() -> new NotFoundException("account", id));
        if (writeLimit < 1 || writeLimit > 500) {
            throw InvalidInputException.field("limit", "between 1 and 500");
        }
        accounts.limit(tenant, id, writeLimit);
        return account(id);
    }

    /**
     * Disconnects the account: its sealed session is erased (not kept, not shown), it shows EXPIRED and its jobs fail
     * until the extension sends a new session.
     */
    @Transactional
    public AccountView disconnect(UUID id) {
        permissions.require(Permission.CATALOG_WRITE);
        UUID tenant = tenantContext.requireTenant();
        accounts.find(tenant, id).orElseThrow(() -> new NotFoundException("account", id));
        accounts.disconnect(tenant, id, "Disconnected in Comptoir", clock.instant());
        return account(id);
    }

    /** The business's paired devices. */
    @Transactional(readOnly = true)
    public List<DeviceStore.Device> devices() {
        permissions.require(Permission.READ);
        return devices.devices(tenantContext.requireTenant());
    }

    /** Revokes a device: its token stops working at once. */
    @Transactional
    public void revoke(UUID device) {
        permissions.require(Permission.CATALOG_WRITE);
        if (!devices.revoke(tenantContext.requireTenant(), device, clock.instant())) {
            throw new NotFoundException("device", device);
        }
    }

    private AccountView view(AccountStore.Stored a) {
        return new AccountView(a.id(), a.kind(), a.status(), a.username(), a.userId(), a.lastSyncAt(), a.lastError(),
                a.pausedUntil(), a.pauseReason(), slots.usage(a), a.writeLimit());
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
