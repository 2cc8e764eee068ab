package app.comptoir.assistant.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.comptoir.assistant.application.VisitorChat;
import app.comptoir.assistant.application.VisitorThrottle;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.PublicRequests;

/**
 * The booking page's assistant in the public booking API ({@code /api/v1/booking/{slug}/assistant}): anyone asks
 * about the business's opening hours, prices, documents to bring and free slots, without a token; nothing is stored,
 * the client sends back the few earlier turns it wants the assistant to see.
 */
@RestController
@RequestMapping("/api/v1/booking/{slug}/assistant")
@Tag(name = "Bookings: public booking")
class VisitorChatController {

    private final VisitorChat chat;
    private final VisitorThrottle throttle;

    VisitorChatController(VisitorChat chat, VisitorThrottle throttle) {
        this.chat = chat;
        this.throttle = throttle;
    }

    /** A visitor's question, with the earlier turns of the visitor's page (oldest first). */
    record Question(String message, List<VisitorChat.Said> history) {
    }

    @PostMapping("/chat")
    @Operation(summary = "Ask the booking page's assistant",
            description = "{message (1-500 characters), history? (at most 6 earlier {role: user|assistant, content "
                    + "(at most 2000 characters)}, oldest first)}. Answered by the business's language model with "
                    + "read-only tools (opening hours, services and prices, what to bring, free slots), or without "
                    + "one by the built-in helper (provider builtin), which says so. It never books: it gives the "
                    + "page where a slot is booked. 400 validation, 404 without a booking page, 429 past "
                    + "the questions allowed per client address (Retry-After), 503 when the provider does not "
                    + "answer. Texts follow lang (fr, en) or Accept-Language.")
    VisitorChat.Answer chat(@PathVariable String slug, @RequestBody(required = false) Question body,
                            HttpServletRequest http) {
        Question q = body == null ? new Question(null, null) : body;
        return chat.answer(slug, q.message(), q.history(), PublicRequests.locale(http),
                () -> throttle.question(ClientAddress.of(http)));
    }
}
