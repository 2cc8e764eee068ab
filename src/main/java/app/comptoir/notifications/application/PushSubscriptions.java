package app.comptoir.notifications.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.notifications.domain.P256;
import app.comptoir.notifications.persistence.PushSubscriptionStore;
import app.comptoir.notifications.persistence.PushSubscriptionStore.Row;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.DeviceLabels;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.InvalidInputException.FieldError;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TextInput;

/**
 * The devices each user receives web push notifications on. Any signed-in user manages their own devices
 * (no role needed: it only ever concerns themselves). Subscribing is idempotent on the endpoint the
 * browser's push service gave: subscribing again updates the keys and the owner.
 *
 * <p>The endpoint is a URL this server will POST to, so it must be {@code https}; plain {@code http} to the
 * loopback interface is accepted only with {@code comptoir.push.allow-loopback-endpoints=true}, for a local
 * push service in development and tests.
 */
@Service
public class PushSubscriptions {

    /** What a browser's {@code PushSubscription.toJSON()} carries. */
    public record Subscription(String endpoint, String p256dh, String auth) {
    }

    /** A subscribed device as its owner sees it. */
    public record Device(UUID id, String label, String endpoint, Instant createdAt, Instant lastSuccessAt) {
    }

    private final PushSubscriptionStore store;
    private final Clock clock;
    private final Environment environment;

    PushSubscriptions(PushSubscriptionStore store, Clock clock, Environment environment) {
        this.store = store;
        this.clock = clock;
        this.environment = environment;
    }

    /** Subscribes the user's device (or updates it); returns it. */
    @Transactional
    public Device subscribe(ComptoirPrincipal me, Subscription subscription, String userAgent) {
        Subscription valid = validated(subscription);
        String label = DeviceLabels.of(userAgent);
        label = TextInput.hasControlCharacter(label) || label.isBlank() ? "?" : label;
        Row row = new Row(Ids.newId(), me.userId(), valid.endpoint(), valid.p256dh(), valid.auth(),
                label.length() > 120 ? label.substring(0, 120) : label, clock.instant(), null);
        UUID id = store.upsert(me.tenantId(), row);
        return store.find(me.tenantId(), id).map(PushSubscriptions::device).orElseThrow();
    }

    /** The user's devices, most recent first. */
    @Transactional(readOnly = true)
    public List<Device> mine(ComptoirPrincipal me) {
        return store.ofUser(me.tenantId(), me.userId()).stream().map(PushSubscriptions::device).toList();
    }

    /** Removes one of the user's devices (404 when it is not theirs). */
    @Transactional
    public void remove(ComptoirPrincipal me, UUID id) {
        if (!store.deleteOfUser(me.tenantId(), me.userId(), id)) {
            throw new NotFoundException("push subscription", id);
        }
    }

    /** Unsubscribes the device with this endpoint (what the browser knows of itself); nothing when unknown. */
    @Transactional
    public void unsubscribe(ComptoirPrincipal me, String endpoint) {
        if (endpoint != null && !endpoint.isBlank()) {
            store.deleteOfUserByEndpoint(me.tenantId(), me.userId(), endpoint.strip());
        }
    }

    private Subscription validated(Subscription subscription) {
        List<FieldError> errors = new ArrayList<>();
        String endpoint = subscription == null || subscription.endpoint() == null ? "" : subscription.endpoint().strip();
        if (endpoint.isEmpty()) {
            errors.add(new FieldError("endpoint", "is required"));
        } else if (endpoint.length() > 1000 || TextInput.hasControlCharacter(endpoint) || !acceptable(endpoint)) {
            errors.add(new FieldError("endpoint", "must be the https URL of a push service"));
        }
        String p256dh = subscription == null ? null : subscription.p256dh();
        try {
            P256.publicKey(P256.fromBase64Url(p256dh));
        } catch (RuntimeException e) {
            errors.add(new FieldError("p256dh", "must be the browser's P-256 public key in base64url"));
        }
        String auth = subscription == null ? null : subscription.auth();
        try {
            if (P256.fromBase64Url(auth).length != 16) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            errors.add(new FieldError("auth", "must be the 16-byte authentication secret in base64url"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The push subscription is invalid", errors);
        }
        return new Subscription(endpoint, P256.base64Url(P256.fromBase64Url(p256dh)),
                P256.base64Url(P256.fromBase64Url(auth)));
    }

    private boolean acceptable(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return false;
            }
            if (scheme.equals("https")) {
                return true;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
            return scheme.equals("http") && loopback
                    && environment.getProperty("comptoir.push.allow-loopback-endpoints", Boolean.class, false);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Device device(Row row) {
        return new Device(row.id(), row.label(), row.endpoint(), row.createdAt(), row.lastSuccessAt());
    }
}
