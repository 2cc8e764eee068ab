package app.comptoir.inventory.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import tools.jackson.databind.json.JsonMapper;

import app.comptoir.platform.AccessTokens;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.PageController;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.UnauthorizedException;

/**
 * The shop floor: one installable page for a phone or a tablet that looks up products and records stock work with or
 * without network (the script {@code /js/floor.js} keeps a copy of the catalog and a queue of actions in the
 * browser). Its service worker ({@code /floor-sw.js}) and manifest are public files: a browser fetches them without
 * the session's cookie.
 */
@PageController
class FloorPages {

    /** The texts the script shows, given to it in the page's language. */
    private static final List<String> TEXTS = List.of(
            "floor.online",
            "floor.offline.short",
            "floor.synced.never",
            "floor.synced.at",
            "floor.pending.zero",
            "floor.pending.one",
            "floor.pending.many",
            "floor.sync",
            "floor.syncing",
            "floor.catalog.loading",
            "floor.catalog.one",
            "floor.catalog.count",
            "floor.catalog.empty",
            "floor.signin",
            "floor.signin.link",
            "floor.search.none",
            "floor.item.archived",
            "floor.item.stock",
            "floor.item.available",
            "floor.item.onhand",
            "floor.item.pending",
            "floor.item.close",
            "floor.action.entry",
            "floor.action.exit",
            "floor.action.transfer",
            "floor.action.count",
            "floor.field.quantity",
            "floor.field.counted",
            "floor.field.location",
            "floor.field.from",
            "floor.field.to",
            "floor.field.reason",
            "floor.field.note",
            "floor.reason.damaged",
            "floor.reason.lost",
            "floor.reason.internal",
            "floor.reason.sample",
            "floor.reason.expired",
            "floor.reason.other",
            "floor.record",
            "floor.recorded",
            "floor.recorded.now",
            "floor.recorded.later",
            "floor.error.quantity",
            "floor.error.counted",
            "floor.error.same",
            "floor.error.reason",
            "floor.count.help",
            "floor.count.add",
            "floor.count.counted",
            "floor.count.none",
            "floor.count.left",
            "floor.count.left.none",
            "floor.count.expected",
            "floor.count.remove",
            "floor.count.validate",
            "floor.count.validated",
            "floor.count.confirm",
            "floor.receipt.help",
            "floor.receipt.none",
            "floor.receipt.unavailable",
            "floor.receipt.remaining",
            "floor.receipt.submit",
            "floor.receipt.done",
            "floor.receipt.empty",
            "floor.receipt.too.much",
            "floor.journal.pending",
            "floor.journal.conflicts",
            "floor.journal.sent",
            "floor.journal.empty",
            "floor.journal.at",
            "floor.conflict.title",
            "floor.conflict.insufficient",
            "floor.conflict.archived",
            "floor.conflict.refused",
            "floor.conflict.retry",
            "floor.conflict.edit",
            "floor.conflict.adjust",
            "floor.conflict.drop",
            "floor.conflict.drop.confirm",
            "floor.readonly",
            "floor.kind.entry",
            "floor.kind.exit",
            "floor.kind.transfer",
            "floor.kind.count",
            "floor.kind.receipt");

    private final AccessTokens tokens;
    private final MessageSource messages;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final JsonMapper json;

    FloorPages(AccessTokens tokens, TenantContext tenantContext, Permissions permissions, MessageSource messages,
               JsonMapper json) {
        this.tokens = tokens;
        this.messages = messages;
        this.json = json;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
    }

    @GetMapping("/app/floor")
    String floor(Model model, Locale locale) {
        ComptoirPrincipal me = tenantContext.principal().orElseThrow(FloorPages::signedOut);
        model.addAttribute("me", me);
        model.addAttribute("canMove", permissions.has(Permission.STOCK_WRITE));
        model.addAttribute("canReceive", permissions.has(Permission.PURCHASES_WRITE));
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach(key -> texts.put(key.substring("floor.".length()), messages.getMessage(key, null, locale)));
        // Read by the script from a non-executable JSON block (the policy allows no inline script).
        model.addAttribute("texts", json.writeValueAsString(texts).replace("</", "<\\/"));
        return "inventory/floor";
    }

    /**
     * A short-lived access token for the page's calls to the API (the JSON API takes bearer tokens, not the session's
     * cookie): asked for again before each synchronisation, so that work recorded offline is sent as the signed-in
     * user. A GET without effect on the data: another site cannot read the answer, and nothing keeps it.
     */
    @GetMapping("/app/floor/session")
    ResponseEntity<Map<String, Object>> session() {
        ComptoirPrincipal me = tenantContext.principal().orElseThrow(FloorPages::signedOut);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", tokens.issue(me));
        body.put("expiresAt", Instant.now().plus(tokens.ttl()).toString());
        body.put("tenantId", me.tenantId());
        body.put("userId", me.userId());
        body.put("userName", me.name());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static UnauthorizedException signedOut() {
        return new UnauthorizedException("unauthenticated", "Sign in to use the shop floor");
    }
}
