package app.comptoir.notifications.application;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.comptoir.notifications.domain.WebhookSignature;
import app.comptoir.platform.OutboundTargets;

/**
 * POSTs one signed event to one endpoint over HTTP, with short timeouts (connect 5 s, answer 10 s) so a slow
 * receiver cannot tie up the delivery threads, and without following redirects (a redirect could lead to an
 * address the target check refused). The URL is checked again right before the call, on the addresses its
 * host resolves to now.
 */
@Component
class WebhookSender {

    /** What a receiver sees as the caller. */
    static final String USER_AGENT = "Comptoir-Webhooks/1";

    /** How much of a response body the delivery log keeps. */
    static final int EXCERPT = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final OutboundTargets targets;
    private final Clock clock;

    WebhookSender(OutboundTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    /** What came of one attempt: a response code and the start of the body, or an error without a response. */
    record Outcome(Integer code, String excerpt, String error) {

        boolean delivered() {
            return code != null && code >= 200 && code < 300;
        }
    }

    Outcome send(String url, String secret, UUID eventId, String eventType, String body) {
        Optional<String> refused = targets.problemAtDelivery(url);
        if (refused.isPresent()) {
            return new Outcome(null, null, "URL " + refused.get());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.strip()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("Comptoir-Event-Id", eventId.toString())
                .header("Comptoir-Event-Type", eventType)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                excerpt = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            } catch (IOException e) {
                excerpt = null;
            }
            return new Outcome(response.statusCode(), excerpt, null);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, null, "timed out: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, null, "interrupted");
        }
    }
}
