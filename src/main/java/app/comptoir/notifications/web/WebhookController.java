package app.comptoir.notifications.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.notifications.application.WebhookDeliveries;
import app.comptoir.notifications.application.WebhookEndpoints;
import app.comptoir.notifications.domain.WebhookDelivery;
import app.comptoir.notifications.domain.WebhookEndpoint;
import app.comptoir.platform.PageResponse;

/** Outgoing webhooks: endpoints, their signing secrets, test events and delivery logs (SETTINGS_MANAGE). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Notifications")
class WebhookController {

    private static final String EVENTS = "Events: order.created, order.confirmed, order.out_for_delivery, "
            + "order.delivered, order.cancelled, stock.alert, product.changed. The URL must be https:// and must "
            + "not point to a private, loopback or link-local address.";

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;

    WebhookController(WebhookEndpoints endpoints, WebhookDeliveries deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    /** An endpoint as a client writes it ({@code enabled} omitted: enabled on creation, unchanged on update). */
    record EndpointRequest(String url, String description, List<String> events, Boolean enabled) {

        WebhookEndpoints.Changes changes() {
            return new WebhookEndpoints.Changes(url, description, events, enabled);
        }
    }

    /** The queued test delivery. */
    record TestSent(UUID deliveryId) {
    }

    @GetMapping
    @Operation(summary = "The business's webhook endpoints, with their signing secrets")
    List<WebhookEndpoint> list() {
        return endpoints.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a webhook endpoint; Comptoir generates its signing secret (whsec_…)",
            description = EVENTS)
    WebhookEndpoint create(@RequestBody EndpointRequest body) {
        return endpoints.create(body.changes());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One webhook endpoint")
    WebhookEndpoint get(@PathVariable UUID id) {
        return endpoints.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a webhook endpoint's URL, description, events or enabled flag", description = EVENTS)
    WebhookEndpoint update(@PathVariable UUID id, @RequestBody EndpointRequest body) {
        return endpoints.update(id, body.changes());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook endpoint (its delivery log stays readable through its deliveries)")
    void delete(@PathVariable UUID id) {
        endpoints.delete(id);
    }

    @PostMapping("/{id}/secret")
    @Operation(summary = "Roll the endpoint's signing secret: a new one signs from now on, the old one stops at once")
    WebhookEndpoint rollSecret(@PathVariable UUID id) {
        return endpoints.rollSecret(id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a webhook.test event to the endpoint (queued; see its deliveries)")
    TestSent test(@PathVariable UUID id) {
        return new TestSent(endpoints.sendTest(id));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's delivery log, newest first: status, attempts, response code and excerpt, "
            + "next attempt")
    PageResponse<WebhookDelivery> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        return deliveries.page(id, page, size);
    }

    @GetMapping("/deliveries/{deliveryId}")
    @Operation(summary = "One delivery, with the payload sent")
    WebhookDelivery delivery(@PathVariable UUID deliveryId) {
        return deliveries.get(deliveryId);
    }

    @PostMapping("/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again now (same event id), with a fresh 24 h retry window")
    WebhookDelivery replay(@PathVariable UUID deliveryId) {
        return deliveries.replay(deliveryId);
    }
}
