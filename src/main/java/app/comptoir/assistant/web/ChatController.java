package app.comptoir.assistant.web;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.assistant.AssistantChat;
import app.comptoir.assistant.ChatAnswer;
import app.comptoir.assistant.ConversationOverview;
import app.comptoir.assistant.ConversationSummary;
import app.comptoir.assistant.ConversationView;
import app.comptoir.platform.ComptoirException;

/** The back office's chat agent: a message in a conversation, and the conversations kept. */
@RestController
@RequestMapping("/api/v1/assistant")
@Tag(name = "Assistant: chat")
class ChatController {

    /** A message to the assistant, in a conversation of the user's ({@code conversationId} null: a new one). */
    record ChatRequest(UUID conversationId, String message) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        boolean[] started = {false};
        try {
            ChatAnswer answer = chat.chat(body.conversationId(), body.message(), text -> {
                try {
                    event(response, started, "token", text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            event(response, started, "done", JSON.writeValueAsString(answer));
        } catch (ComptoirException e) {
            if (!started[0]) {
                throw e;
            }
            event(response, started, "error", JSON.writeValueAsString(java.util.Map.of("type", e.type(),
                    "status", e.status().value(), "detail", e.getMessage())));
        }
    }

    /** Writes one server-sent event (each line of the data its own {@code data:} line) and flushes it. */
    private static void event(HttpServletResponse response, boolean[] started, String name, String data)
            throws IOException {
        if (!started[0]) {
            response.setStatus(200);
            response.setContentType("text/event-stream");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no");
            started[0] = true;
        }
        StringBuilder event = new StringBuilder("event: ").append(name).append('\n');
        for (String line : data.split("\n", -1)) {
            event.append("data: ").append(line).append('\n');
        }
        event.append('\n');
        response.getWriter().write(event.toString());
        response.getWriter().flush();
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
