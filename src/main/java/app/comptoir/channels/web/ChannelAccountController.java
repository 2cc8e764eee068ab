package app.comptoir.channels.web;

import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.channels.application.ChannelAccounts;
import app.comptoir.channels.domain.RateCap;
import app.comptoir.channels.persistence.DeviceStore;
import app.comptoir.platform.InvalidInputException;

/** The business's marketplace accounts, their rate cap, the pairing codes and the extension's devices (staff). */
@RestController
@Tag(name = "Channels: accounts")
class ChannelAccountController {

    /** A new cap of an account. */
    record LimitChange(Integer limit) {
    }

    private final ChannelAccounts accounts;

    ChannelAccountController(ChannelAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/channels/pairings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A one-time code that pairs the browser extension with this business",
            description = "8 characters shown as XXXX-XXXX, valid 10 minutes, usable once.")
    ChannelAccounts.Pairing pair() {
        return accounts.createPairing();
    }

    @GetMapping("/api/v1/channels/accounts")
    @Operation(summary = "The business's marketplace accounts, their status, pause and rate cap (never the session)")
    List<ChannelAccounts.AccountView> list() {
        return accounts.accounts();
    }

    @GetMapping("/api/v1/channels/accounts/{id}")
    @Operation(summary = "One marketplace account")
    ChannelAccounts.AccountView get(@PathVariable UUID id) {
        return accounts.account(id);
    }

    @PutMapping("/api/v1/channels/accounts/{id}/rate-limit")
    @Operation(summary = "Change the account's cap: mutating requests per rolling 2 hours (1 to 500, default 40)")
    ChannelAccounts.AccountView limit(@PathVariable UUID id, @RequestBody LimitChange body) {
        if (body == null || body.limit() == null) {
            throw InvalidInputException.field("limit", "required");
        }
        return accounts.limit(id, body.limit());
    }

    @PostMapping("/api/v1/channels/accounts/{id}/disconnect")
    @Operation(summary = "Disconnect the account: its stored session is erased; the extension connects it again")
    ChannelAccounts.AccountView disconnect(@PathVariable UUID id) {
        return accounts.disconnect(id);
    }

    @GetMapping("/api/v1/channels/vinted/accounts/{id}/rate-limit")
    @Operation(summary = "How the account's rolling window stands: {used, remaining, resetAt}",
            description = "resetAt is when the oldest counted write leaves the window (null when none is counted).")
    Map<String, Object> rate(@PathVariable UUID id) {
        RateCap.Usage usage = accounts.account(id).rate();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("used", usage.used());
        body.put("remaining", usage.remaining());
        body.put("resetAt", usage.resetAt());
        return body;
    }

    @GetMapping("/api/v1/channels/devices")
    @Operation(summary = "The browser extension's devices paired with the business")
    List<DeviceStore.Device> devices() {
        return accounts.devices();
    }

    @DeleteMapping("/api/v1/channels/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a device: its token stops working at once")
    void revoke(@PathVariable UUID id) {
        accounts.revoke(id);
    }
}
