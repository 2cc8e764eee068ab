package app.comptoir.assistant.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
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
import app.comptoir.assistant.ConversationSummary;
import app.comptoir.assistant.ConversationView;

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

    @GetMapping("/conversations")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "The caller's conversations with the assistant, most recent first",
            description = "everyone=true: every staff member's conversations (who may read the audit trail).")
    List<ConversationSummary> conversations(@RequestParam(defaultValue = "false") boolean everyone) {
        return chat.conversations(everyone);
    }

    @GetMapping("/conversations/{id}")
    @PreAuthorize("@rolePermissions.has('READ')")
    @Operation(summary = "A conversation with its messages and tool calls",
            description = "The caller's own, or anyone's for who may read the audit trail.")
    ConversationView conversation(@PathVariable UUID id) {
        return chat.conversation(id);
    }
}
