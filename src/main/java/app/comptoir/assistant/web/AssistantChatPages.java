package app.comptoir.assistant.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.assistant.AssistantChat;
import app.comptoir.assistant.ChatAnswer;
import app.comptoir.assistant.ConversationSummary;
import app.comptoir.assistant.ConversationView;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.PageController;

/**
 * The chat page of the back office ({@code /app/assistant}): the user's recent conversations, the one opened (the
 * user's and the assistant's messages, and a link to each quote or order the assistant created), and a message box.
 * A message is a plain form post answered by a redirect to the conversation, so the page works without script; a
 * refusal (empty message, budget used, provider down) is shown next to the box with the message kept.
 */
@PageController
@RequestMapping("/app/assistant")
@PreAuthorize("@rolePermissions.has('READ')")
class AssistantChatPages {

    private static final String PAGE = "assistant/chat";

    /** The problem types the page explains in its own words; any other gets the general message. */
    private static final Set<String> EXPLAINED = Set.of("validation", "not-found",
            "assistant-token-budget-exceeded", "assistant-provider-unavailable");

    private final AssistantChat chat;

    AssistantChatPages(AssistantChat chat) {
        this.chat = chat;
    }

    /** One line of the conversation as the page shows it: a message, or a document the assistant created. */
    record Line(String role, String content, String documentKind, String documentNumber, String link) {
    }

    @GetMapping
    String page(@RequestParam(name = "c", required = false) String conversation, Model model) {
        UUID id = parse(conversation);
        if (conversation != null && !conversation.isBlank() && id == null) {
            model.addAttribute("problem", "not-found");
        }
        return show(id, null, model);
    }

    @PostMapping
    String send(@RequestParam(required = false) String conversationId, @RequestParam(required = false) String message,
                Model model) {
        UUID id = parse(conversationId);
        if (conversationId != null && !conversationId.isBlank() && id == null) {
            model.addAttribute("problem", "not-found");
            return show(null, message, model);
        }
        try {
            ChatAnswer answer = chat.chat(id, message);
            return "redirect:/app/assistant?c=" + answer.conversationId();
        } catch (ComptoirException e) {
            model.addAttribute("problem", EXPLAINED.contains(e.type()) ? e.type() : "other");
            return show(id, message, model);
        }
    }

    private String show(UUID id, String draft, Model model) {
        List<ConversationSummary> conversations = chat.conversations(false);
        model.addAttribute("conversations", conversations.size() > 20 ? conversations.subList(0, 20) : conversations);
        model.addAttribute("draft", draft);
        model.addAttribute("everyone", chat.mayReadEveryone());
        if (id != null) {
            try {
                ConversationView view = chat.conversation(id);
                model.addAttribute("current", view.summary());
                model.addAttribute("lines", view.messages().stream().map(AssistantChatPages::line)
                        .filter(l -> l != null).toList());
            } catch (ComptoirException e) {
                model.addAttribute("problem", "not-found");
            }
        }
        return PAGE;
    }

    /** A user's or the assistant's message as it is, a tool call only when it created a quote or an order. */
    private static Line line(ConversationView.Message m) {
        if (m.role().equals("user") || m.role().equals("assistant")) {
            return new Line(m.role(), m.content(), null, null, null);
        }
        if (m.documentId() != null && m.documentKind() != null) {
            String link = ("quote".equals(m.documentKind()) ? "/app/sales/quotes/" : "/app/sales/orders/")
                    + m.documentId();
            return new Line("document", null, m.documentKind(), m.documentNumber(), link);
        }
        return null;
    }

    private static UUID parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
