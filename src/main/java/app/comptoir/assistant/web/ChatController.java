package app.comptoir.assistant.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.assistant.AssistantChat;
import app.comptoir.assistant.ChatAnswer;
import app.comptoir.assistant.ConversationOverview;
import app.comptoir.assistant.ConversationSummary;
import app.comptoir.assistant.ConversationView;
import app.comptoir.platform.ServerSentEvents;

/** The back office's chat agent: a message in a conversation, and the conversations kept. */
@RestController
@RequestMapping("/api/v1/assistant")
@Tag(name = "Assistant: chat")
class ChatController {

    /** A message to the assistant, in a conversation of the user's ({@code conversationId} null: a new one). */
    record ChatRequest(UUID conversationId, String message) {
    }


    private final AssistantChat chat;

    ChatController(AssistantChat chat) {
        this.chat = chat;
    }

    @PostMapping("/chat")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "Send a message to the assistant and get its answer",
            description = "{conversationId? (null starts a conversation), message (1 to 4000 characters)}. The"
                    + " assistant answers with the business's provider and tools (search products, a variant's price"
                    + " and stock by SKU, customers and their orders, draft a quote, prepare an order) under the"
                    + " caller's permissions; without a provider, from a catalog search (provider \"catalog\"). An"
                    + " order is only prepared (pendingOrder) and is placed when the user's next message is \"oui\" or"
                    + " \"yes\". 409 assistant-token-budget-exceeded once the conversation used its token budget;"
                    + " 503 assistant-provider-unavailable when the provider does not answer.")
    ChatAnswer chat(@RequestBody ChatRequest body) {
        return chat.chat(body.conversationId(), body.message());
    }

    @PostMapping("/chat/stream")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "Send a message to the assistant and get its answer streamed (server-sent events)",
            description = "The body and the rules of POST /api/v1/assistant/chat. The answer is text/event-stream:"
                    + " events 'token' (data: a piece of the model's text, as the provider sends it), then one"
                    + " 'done' (data: the whole answer as POST /chat returns it, with the server's additions such as"
                    + " an order to confirm). A refusal before the first event is an ordinary problem response; a"
                    + " provider failing after it ends the stream with an 'error' event (data: the problem).")
    @ApiResponse(responseCode = "200", description = "The answer's events",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    void stream(@RequestBody ChatRequest body, HttpServletResponse response) throws IOException {
        ServerSentEvents.stream(response, onText -> chat.chat(body.conversationId(), body.message(), onText));
    }

    @GetMapping("/conversations")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "The caller's conversations with the assistant, most recent first",
            description = "everyone=true: everyone's conversations, staff's and shoppers' (managers and administrators:"
                    + " ORDERS_WRITE or AUDIT_READ; 403 otherwise).")
    List<ConversationSummary> conversations(@RequestParam(defaultValue = "false") boolean everyone) {
        return chat.conversations(everyone);
    }

    @GetMapping("/overview")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "Every conversation of the business with the assistant, staff's and shoppers'",
            description = "Most recent first (limit 1 to 200, default 100): each conversation's summary (ownerKind staff"
                    + " or shopper, tokens, cost, when), who talked (a staff member's name, or the shopper's name and"
                    + " e-mail) and the quotes and orders the assistant created in it. For managers and"
                    + " administrators (ORDERS_WRITE or AUDIT_READ); 403 otherwise.")
    List<ConversationOverview> overview(@RequestParam(defaultValue = "100") int limit) {
        return chat.overview(limit);
    }

    @GetMapping("/conversations/{id}")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "A conversation with its messages and tool calls",
            description = "The caller's own, or anyone's (a shopper's too) for managers and administrators.")
    ConversationView conversation(@PathVariable UUID id) {
        return chat.conversation(id);
    }
}
