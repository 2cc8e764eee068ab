package app.comptoir.payments.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.payments.application.ProviderAccounts;

/**
 * The business's online payment provider accounts: what may be shown of them (configured, the key's last four
 * characters, test or live mode), never the keys. Admins (SETTINGS_MANAGE) enter and remove them.
 */
@RestController
@RequestMapping("/api/v1/payments/settings")
@Tag(name = "Payments")
@PreAuthorize("@rolePermissions.has('READ')")
class PaymentSettingsController {

    private final ProviderAccounts accounts;

    PaymentSettingsController(ProviderAccounts accounts) {
        this.accounts = accounts;
    }

    /** The secrets of a Stripe account: the secret key (sk_test_… or sk_live_…) and the webhook signing secret. */
    record StripeKeys(String secretKey, String webhookSecret) {
    }

    @GetMapping
    @Operation(summary = "The business's provider accounts: configured, hint (the key's last four characters), "
            + "test mode; never the keys")
    List<ProviderAccounts.Status> list() {
        return accounts.statuses();
    }

    @PutMapping("/{provider}")
    @PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
    @Operation(summary = "Enter or replace a provider's keys (admins); answers the status, never the keys",
            description = "stripe: {secretKey: sk_test_… or sk_live_…, webhookSecret: whsec_…}. The keys are "
                    + "encrypted (AES-256-GCM) before they are stored; test keys show a test-mode banner.")
    ProviderAccounts.Status configure(@PathVariable String provider, @RequestBody StripeKeys body) {
        Map<String, String> secrets = new java.util.HashMap<>();
        if (body != null) {
            secrets.put("secretKey", body.secretKey());
            secrets.put("webhookSecret", body.webhookSecret());
        }
        return accounts.configure(provider, secrets);
    }

    @DeleteMapping("/{provider}")
    @PreAuthorize("@rolePermissions.has('SETTINGS_MANAGE')")
    @Operation(summary = "Remove a provider's keys (admins): online payment is no longer offered")
    ResponseEntity<Void> remove(@PathVariable String provider) {
        accounts.remove(provider);
        return ResponseEntity.noContent().build();
    }
}
