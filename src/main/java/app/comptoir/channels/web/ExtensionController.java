package app.comptoir.channels.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.channels.application.ChannelAccounts;
import app.comptoir.identity.TenantProfile;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.TenantContext;

/**
 * The browser extension's API (docs/channels.md, the extension contract): no staff session; the pairing code, then
 * the device token, is the credential. The security chain lets these paths through; this controller checks the
 * token itself.
 */
@RestController
@Tag(name = "Channels: browser extension")
class ExtensionController {

    /** The claim of a pairing code. */
    record Claim(String code, String device) {
    }

    private final ChannelAccounts accounts;
    private final TenantContext tenantContext;

    ExtensionController(ChannelAccounts accounts, TenantContext tenantContext) {
        this.accounts = accounts;
        this.tenantContext = tenantContext;
    }

    @PostMapping("/api/v1/channels/pairings/claim")
    @Operation(summary = "Exchange a pairing code for a device token (the extension)",
            description = "{code, device}. A wrong, expired or used code answers the same 400; repeated failures"
                    + " from one address a 429. The token is shown once; the server keeps only its hash.")
    Map<String, Object> claim(@RequestBody(required = false) Claim body, HttpServletRequest request) {
        var tenant = accounts.claimCode(body == null ? null : body.code(), ClientAddress.of(request))
                .orElseThrow(() -> InvalidInputException.field("code", "unknown, expired or already used pairing code"));
        ChannelAccounts.Claimed claimed = tenantContext.callAs(tenant, () -> accounts.addDevice(body.device()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", claimed.token());
        answer.put("business", business(claimed.business()));
        return answer;
    }

    @PutMapping("/api/v1/channels/vinted/session")
    @Operation(summary = "The Vinted session read by the extension (Authorization: Bearer <device token>)",
            description = "Creates or refreshes the business's Vinted web account of that user; the cookies, CSRF"
                    + " token and anon id are sealed (AES-GCM) and never returned.")
    Map<String, Object> session(@RequestHeader(value = "Authorization", required = false) String authorization,
                                @RequestBody(required = false) ChannelAccounts.VintedSession body) {
        ChannelAccounts.Device device = accounts.device(bearer(authorization));
        return tenantContext.callAs(device.tenantId(), () -> {
            accounts.touch(device);
            if (body == null) {
                throw InvalidInputException.field("body", "the session is required");
            }
            ChannelAccounts.AccountView account = accounts.connect(body);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("accountId", account.id());
            answer.put("username", account.username());
            answer.put("status", account.status());
            return answer;
        });
    }

    @GetMapping("/api/v1/channels/extension/me")
    @Operation(summary = "The business and its accounts, for the extension's popup (Authorization: Bearer <device token>)")
    Map<String, Object> me(@RequestHeader(value = "Authorization", required = false) String authorization) {
        ChannelAccounts.Device device = accounts.device(bearer(authorization));
        return tenantContext.callAs(device.tenantId(), () -> {
            accounts.touch(device);
            List<Map<String, Object>> list = accounts.accountsOfDevice().stream().map(a -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", a.id());
                one.put("username", a.username());
                one.put("status", a.status());
                one.put("lastSyncAt", a.lastSyncAt());
                one.put("lastError", a.lastError());
                return one;
            }).toList();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("business", business(accounts.business()));
            answer.put("accounts", list);
            return answer;
        });
    }

    private static Map<String, Object> business(TenantProfile profile) {
        return Map.of("slug", profile.slug(), "name", profile.name());
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }
}
