package app.comptoir.payments.web;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.payments.application.ProviderNotifications;

/**
 * The providers' webhooks, one address per provider and business: public (the provider signs instead), outside
 * CSRF (the API chain has none), read as raw bytes so that the signature is checked on exactly what was sent.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class ProviderWebhookController {

    private final ProviderNotifications notifications;

    ProviderWebhookController(ProviderNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/{provider}/webhook/{business}")
    @Operation(summary = "A provider's webhook for a business (Stripe: /api/v1/payments/stripe/webhook/<slug>)",
            description = "Public: verified with the business's signing secret on the raw body (Stripe-Signature, "
                    + "300 s tolerance): 400 invalid-signature otherwise. Events are kept by id: a replay or a "
                    + "duplicate answers 200 with duplicate true and changes nothing. Handled: "
                    + "checkout.session.completed and async_payment_succeeded (payment SUCCEEDED), "
                    + "checkout.session.expired and async_payment_failed (EXPIRED, FAILED), refund.created, "
                    + "refund.updated, refund.failed, charge.refund.updated, charge.refunded; other types answer 200.")
    ProviderNotifications.Receipt receive(@PathVariable String provider, @PathVariable String business,
                                          @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        return notifications.receive(provider, business, payload, headers);
    }
}
