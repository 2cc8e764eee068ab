package app.comptoir.payments.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.payments.application.ProviderNotifications;
import app.comptoir.platform.ComptoirException;

/**
 * The providers' webhooks, one address per provider and business: public (the provider signs instead), outside
 * CSRF (the API chain has none), read as raw bytes so that the signature is checked on exactly what was sent.
 */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Payments")
class ProviderWebhookController {

    /** The largest event accepted: Stripe's are a few kilobytes; a public address must not buffer anything sent. */
    static final int MAX_BYTES = 512 * 1024;

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
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The provider's event, exactly as it signed it",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    ProviderNotifications.Receipt receive(@PathVariable String provider, @PathVariable String business,
                                          HttpServletRequest request) {
        byte[] body = read(request);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        String payload = new String(body, StandardCharsets.UTF_8);
        return notifications.receive(provider, business, payload, headers);
    }

    /** The raw body, at most {@link #MAX_BYTES} (413 beyond, whatever the Content-Length says). */
    private static byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new TooLarge();
        }
        try {
            byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw new TooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 413 {@code payload-too-large}. */
    static final class TooLarge extends ComptoirException {
        TooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "A webhook event is at most " + MAX_BYTES + " bytes");
        }
    }
}
