package app.comptoir.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.comptoir.notifications.domain.WebhookEndpoint;
import app.comptoir.notifications.domain.WebhookEventType;
import app.comptoir.notifications.domain.WebhookSecrets;
import app.comptoir.platform.OutboundTargets;
import app.comptoir.notifications.persistence.WebhookStore;
import app.comptoir.platform.AuditRecorder;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.Ids;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;

/**
 * The current business's webhook endpoints (administrators: SETTINGS_MANAGE): registering a URL with the
 * events it receives, changing, disabling, deleting it, rolling its signing secret, and sending it a test
 * event. Every field is checked at once; the URL by {@link OutboundTargets} (HTTPS, no private address).
 */
@Service
@Transactional
public class WebhookEndpoints {

    /** The audit trail's name for an endpoint. */
    public static final String AUDIT_ENTITY = "webhook-endpoint";

    /** The longest description. */
    public static final int MAX_DESCRIPTION = 200;

    private final WebhookStore store;
    private final OutboundTargets targets;
    private final WebhookDeliveries deliveries;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final Clock clock;
    private final AuditRecorder audit;

    WebhookEndpoints(WebhookStore store, OutboundTargets targets, WebhookDeliveries deliveries,
                     TenantContext tenantContext, Permissions permissions, Clock clock, AuditRecorder audit) {
        this.store = store;
        this.targets = targets;
        this.deliveries = deliveries;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.clock = clock;
        this.audit = audit;
    }

    /** What an administrator enters for an endpoint ({@code enabled} null: enabled). */
    public record Changes(String url, String description, List<String> events, Boolean enabled) {
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> list() {
        permissions.require(Permission.SETTINGS_MANAGE);
        return store.endpoints(tenantContext.requireTenant());
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(UUID id) {
        permissions.require(Permission.SETTINGS_MANAGE);
        return find(id);
    }

    /** Registers an endpoint with a new signing secret. */
    public WebhookEndpoint create(Changes changes) {
        permissions.require(Permission.SETTINGS_MANAGE);
        Changes c = check(changes);
        Instant now = clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId(), c.url(), c.description(), c.events(),
                c.enabled() == null || c.enabled(), WebhookSecrets.generate(), now, now);
        UUID tenant = tenantContext.requireTenant();
        store.insert(tenant, endpoint, actor());
        audit.record(AUDIT_ENTITY, endpoint.id(), "CREATE", null, fields(endpoint));
        return endpoint;
    }

    /** Replaces the endpoint's URL, description, events and enabled flag (its secret stays). */
    public WebhookEndpoint update(UUID id, Changes changes) {
        permissions.require(Permission.SETTINGS_MANAGE);
        WebhookEndpoint before = find(id);
        Changes c = check(changes);
        WebhookEndpoint after = new WebhookEndpoint(id, c.url(), c.description(), c.events(),
                c.enabled() == null ? before.enabled() : c.enabled(), before.secret(), before.createdAt(),
                clock.instant());
        store.update(tenantContext.requireTenant(), after, actor());
        audit.recordChanges(AUDIT_ENTITY, id, fields(before), fields(after));
        return after;
    }

    /** Turns the endpoint on or off (off: its events are not queued, and pending deliveries are given up). */
    public WebhookEndpoint enable(UUID id, boolean enabled) {
        WebhookEndpoint before = get(id);
        return update(id, new Changes(before.url(), before.description(), before.events(), enabled));
    }

    /** Replaces the signing secret by a new one; the old one stops signing at once. */
    public WebhookEndpoint rollSecret(UUID id) {
        permissions.require(Permission.SETTINGS_MANAGE);
        WebhookEndpoint before = find(id);
        WebhookEndpoint after = new WebhookEndpoint(id, before.url(), before.description(), before.events(),
                before.enabled(), WebhookSecrets.generate(), before.createdAt(), clock.instant());
        store.update(tenantContext.requireTenant(), after, actor());
        audit.record(AUDIT_ENTITY, id, "UPDATE", null, Map.of("secret", "rolled"));
        return after;
    }

    /** Deletes the endpoint (its delivery log stays; pending deliveries are given up). */
    public void delete(UUID id) {
        permissions.require(Permission.SETTINGS_MANAGE);
        WebhookEndpoint before = find(id);
        store.delete(tenantContext.requireTenant(), id, clock.instant(), actor());
        audit.record(AUDIT_ENTITY, id, "DELETE", fields(before), null);
    }

    /** Queues a {@code webhook.test} event for the endpoint; returns its delivery id. */
    public UUID sendTest(UUID id) {
        permissions.require(Permission.SETTINGS_MANAGE);
        return deliveries.queueTest(tenantContext.requireTenant(), find(id));
    }

    private WebhookEndpoint find(UUID id) {
        return store.endpoint(tenantContext.requireTenant(), id)
                .orElseThrow(() -> new NotFoundException("Webhook endpoint", id));
    }

    /** Every broken field at once; returns the changes cleaned (trimmed, events deduplicated in a fixed order). */
    Changes check(Changes changes) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String url = changes.url() == null ? null : changes.url().strip();
        if (url != null && TextInput.hasControlCharacter(url)) {
            errors.add(new InvalidInputException.FieldError("url", "must not contain control characters"));
        } else {
            targets.problemAtRegistration(url)
                    .ifPresent(p -> errors.add(new InvalidInputException.FieldError("url", p)));
        }
        String description = changes.description() == null || changes.description().isBlank() ? null
                : changes.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new InvalidInputException.FieldError("description",
                    "must be at most " + MAX_DESCRIPTION + " characters"));
        } else if (description != null && TextInput.hasControlCharacter(description)) {
            errors.add(new InvalidInputException.FieldError("description", "must not contain control characters"));
        }
        LinkedHashSet<String> events = new LinkedHashSet<>();
        if (changes.events() == null || changes.events().isEmpty()) {
            errors.add(new InvalidInputException.FieldError("events", "must name at least one event"));
        } else {
            List<String> unknown = new ArrayList<>();
            for (String e : changes.events()) {
                Optional<WebhookEventType> type = WebhookEventType.of(e);
                if (type.isPresent()) {
                    events.add(type.get().type());
                } else {
                    unknown.add(String.valueOf(e));
                }
            }
            if (!unknown.isEmpty()) {
                errors.add(new InvalidInputException.FieldError("events", "has unknown event types: "
                        + String.join(", ", unknown.stream().map(WebhookEndpoints::shown).toList())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The webhook endpoint is not valid", errors);
        }
        List<String> ordered = java.util.Arrays.stream(WebhookEventType.values()).map(WebhookEventType::type)
                .filter(events::contains).toList();
        return new Changes(url, description, ordered, changes.enabled());
    }

    /** An unknown value as the error repeats it: short, without control characters. */
    private static String shown(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return TextInput.hasControlCharacter(v) ? "(invalid text)" : v;
    }

    private static Map<String, Object> fields(WebhookEndpoint e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("url", e.url());
        f.put("description", e.description());
        f.put("events", String.join(", ", e.events()));
        f.put("enabled", e.enabled());
        return f;
    }

    private UUID actor() {
        return tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
    }
}
