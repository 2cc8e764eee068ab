package app.comptoir.assistant.web;

import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

import app.comptoir.assistant.AssistantChat;
import app.comptoir.assistant.ConversationOverview;
import app.comptoir.assistant.ConversationView;
import app.comptoir.platform.PageController;

/**
 * Everyone's conversations with the assistant, for managers and administrators ({@code /app/assistant/conversations}):
 * the staff's and the shop's shoppers', who talked, when, the tokens and cost used, and the quotes and orders the
 * assistant created; one opened shows its messages and tool calls, read-only.
 */
@PageController
@RequestMapping("/app/assistant/conversations")
@PreAuthorize("@rolePermissions.has('READ')")
class AssistantConversationPages {

    private final AssistantChat chat;

    AssistantConversationPages(AssistantChat chat) {
        this.chat = chat;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("conversations", chat.overview(200));
        return "assistant/conversations";
    }

    @GetMapping("/{id}")
    String one(@PathVariable UUID id, Model model) {
        if (!chat.mayReadEveryone()) {
            throw new AccessDeniedException("Reading everyone's conversations needs ORDERS_WRITE or AUDIT_READ");
        }
        ConversationView view = chat.conversation(id);
        ConversationOverview overview = chat.overview(200).stream()
                .filter(o -> o.summary().id().equals(id)).findFirst().orElse(null);
        model.addAttribute("conversation", view);
        model.addAttribute("who", overview == null ? null : overview.who());
        return "assistant/conversation";
    }
}
