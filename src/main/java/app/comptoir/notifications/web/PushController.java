package app.comptoir.notifications.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.notifications.application.PushSubscriptions;
import app.comptoir.notifications.application.PushSubscriptions.Device;
import app.comptoir.notifications.application.VapidKeys;
import app.comptoir.platform.ComptoirPrincipal;

/**
 * Web push for API clients (bearer token): the server's VAPID public key, and the signed-in user's
 * subscribed devices. The back office's pages use the same use cases through {@link PushBrowserController}.
 */
@RestController
@RequestMapping("/api/v1/push")
@Tag(name = "Notifications")
class PushController {

    /** A browser's {@code PushSubscription.toJSON()}: the endpoint and {@code keys.p256dh}, {@code keys.auth}. */
    record SubscriptionRequest(String endpoint, Keys keys) {
        /** The browser's keys, base64url. */
        record Keys(String p256dh, String auth) {
        }

        PushSubscriptions.Subscription subscription() {
            return new PushSubscriptions.Subscription(endpoint, keys == null ? null : keys.p256dh(),
                    keys == null ? null : keys.auth());
        }
    }

    private final PushSubscriptions subscriptions;
    private final VapidKeys vapid;

    PushController(PushSubscriptions subscriptions, VapidKeys vapid) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
    }

    @GetMapping("/vapid-public-key")
    @Operation(summary = "The server's VAPID public key (base64url), the applicationServerKey to subscribe with")
    Map<String, String> vapidPublicKey() {
        return Map.of("publicKey", vapid.publicKey());
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "The signed-in user's devices subscribed to web push, most recent first")
    List<Device> mine(@AuthenticationPrincipal ComptoirPrincipal me) {
        return subscriptions.mine(me);
    }

    @PostMapping("/subscriptions")
    @Operation(summary = "Subscribes a device of the signed-in user (idempotent on the endpoint: "
            + "subscribing again updates its keys); the body is PushSubscription.toJSON()")
    ResponseEntity<Device> subscribe(@AuthenticationPrincipal ComptoirPrincipal me,
                                     @RequestBody SubscriptionRequest request,
                                     @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(subscriptions.subscribe(me, request.subscription(), userAgent));
    }

    @DeleteMapping("/subscriptions/{id}")
    @Operation(summary = "Removes one of the signed-in user's devices: it receives no more notifications")
    ResponseEntity<Void> remove(@AuthenticationPrincipal ComptoirPrincipal me, @PathVariable UUID id) {
        subscriptions.remove(me, id);
        return ResponseEntity.noContent().build();
    }
}
