package app.comptoir.notifications.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.notifications.application.PushSubscriptions;
import app.comptoir.platform.ComptoirPrincipal;

/**
 * The account page's switch (static/js/push.js), signed in by the session cookie and CSRF header rather
 * than a bearer token: subscribes this browser, or unsubscribes it by the endpoint it knows itself by.
 * Errors are problem details, as on the API.
 */
@RestController
@RequestMapping("/app/push/subscriptions")
class PushBrowserController {

    /** The endpoint the browser unsubscribed. */
    record Unsubscription(String endpoint) {
    }

    private final PushSubscriptions subscriptions;

    PushBrowserController(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    ResponseEntity<PushSubscriptions.Device> subscribe(@AuthenticationPrincipal ComptoirPrincipal me,
                                                       @RequestBody PushController.SubscriptionRequest request,
                                                       @RequestHeader(name = "User-Agent", required = false) String agent) {
        return ResponseEntity.status(201).body(subscriptions.subscribe(me, request.subscription(), agent));
    }

    @PostMapping("/remove")
    ResponseEntity<Void> unsubscribe(@AuthenticationPrincipal ComptoirPrincipal me,
                                     @RequestBody Unsubscription request) {
        subscriptions.unsubscribe(me, request == null ? null : request.endpoint());
        return ResponseEntity.noContent().build();
    }
}
