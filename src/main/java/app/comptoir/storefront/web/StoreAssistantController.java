package app.comptoir.storefront.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.assistant.ChatAnswer;
import app.comptoir.assistant.ConversationSummary;
import app.comptoir.assistant.ConversationView;
import app.comptoir.platform.ServerSentEvents;
import app.comptoir.storefront.application.ShopAssistant;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.SignedInShopper;

/**
 * The store API's assistant ({@code /api/v1/store/{slug}/assistant}), for a shopper signed in with the store API's
 * bearer token ({@code Authorization: Bearer shp_…}; 401 {@code shopper-token} without one): a message in one of the
 * shopper's conversations, and the conversations kept. The same assistant and rules as the shop's page.
 */
@RestController
@RequestMapping("/api/v1/store/{slug}/assistant")
class StoreAssistantController {

    /** A message to the assistant ({@code conversationId} null: a new conversation). */
    record ChatBody(UUID conversationId, String message) {
    }

    private final ShopBusinesses shops;
    private final ShopVisitors visitors;
    private final ShopAssistant assistant;

    StoreAssistantController(ShopBusinesses shops, ShopVisitors visitors, ShopAssistant assistant) {
        this.shops = shops;
        this.visitors = visitors;
        this.assistant = assistant;
    }

    @PostMapping("/chat")
    @Operation(summary = "Send a message to the shop's assistant and get its answer (shopper's bearer token)",
            description = "{conversationId? (null starts a conversation), message (1 to 4000 characters)}. The"
                    + " assistant answers with the business's provider and the shopper's tools only: search the shop's"
                    + " products, a variant's price and availability by SKU, the shopper's own orders, add to the"
                    + " shopper's cart, prepare the order of the cart (pendingOrder: lines, delivery fee, totals,"
                    + " address), placed through the shop's checkout only when the shopper's next message is \"oui\""
                    + " or \"yes\"; without a provider, from the shop's catalog (provider \"catalog\"). Staff tools"
                    + " are never offered, and refused if the model asks for them. 401 shopper-token; 404 for a"
                    + " conversation that is not the shopper's; 409 assistant-token-budget-exceeded; 503"
                    + " assistant-provider-unavailable.")
    ChatAnswer chat(@PathVariable String slug, @RequestBody(required = false) ChatBody body, Locale locale,
                    HttpServletRequest request, HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        response.setHeader("Cache-Control", "private, no-store");
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        ChatBody b = body == null ? new ChatBody(null, null) : body;
        return assistant.chat(shop, shopper, locale.getLanguage(), b.conversationId(), b.message());
    }

    @PostMapping("/chat/stream")
    @Operation(summary = "Send a message to the shop's assistant and get its answer streamed (server-sent events)",
            description = "The body and the rules of POST /api/v1/store/{slug}/assistant/chat. The answer is"
                    + " text/event-stream: events 'token' (a piece of the model's text, as the provider sends it),"
                    + " then one 'done' (the whole answer as POST .../chat returns it). A refusal before the first"
                    + " event is an ordinary problem response; a provider failing after it ends the stream with an"
                    + " 'error' event.")
    @ApiResponse(responseCode = "200", description = "The answer's events",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    void stream(@PathVariable String slug, @RequestBody(required = false) ChatBody body, Locale locale,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        ShopBusiness shop = shops.open(slug);
        SignedInShopper shopper = visitors.requireBearer(request, shop);
        ChatBody b = body == null ? new ChatBody(null, null) : body;
        ServerSentEvents.stream(response, onText -> assistant.chat(shop, shopper, locale.getLanguage(),
                b.conversationId(), b.message(), onText));
    }

    @GetMapping("/conversations")
    @Operation(summary = "The shopper's conversations with the shop's assistant, most recent first (at most 20)")
    List<ConversationSummary> conversations(@PathVariable String slug, HttpServletRequest request,
                                            HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        response.setHeader("Cache-Control", "private, no-store");
        return assistant.conversations(shop, visitors.requireBearer(request, shop));
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "One of the shopper's conversations with its messages and tool calls",
            description = "404 for a conversation that is not the shopper's.")
    ConversationView conversation(@PathVariable String slug, @PathVariable UUID id, HttpServletRequest request,
                                  HttpServletResponse response) {
        ShopBusiness shop = shops.open(slug);
        response.setHeader("Cache-Control", "private, no-store");
        return assistant.conversation(shop, visitors.requireBearer(request, shop), id);
    }
}
