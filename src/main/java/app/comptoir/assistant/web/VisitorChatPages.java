package app.comptoir.assistant.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.comptoir.assistant.application.VisitorChat;
import app.comptoir.assistant.application.VisitorThrottle;
import app.comptoir.bookings.BookingDesk;
import app.comptoir.platform.ClientAddress;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.PageController;

/**
 * The assistant of a business's booking page ({@code /book/{slug}/assistant}), for anyone, in the booking page's
 * frame: a question, its answer, and the few turns before it carried by the form itself (hidden fields), so that
 * nothing is stored for an anonymous visitor. The form is a plain post answered by the page (no script needed).
 */
@PageController
@RequestMapping("/book/{slug}/assistant")
class VisitorChatPages {

    private static final String PAGE = "assistant/visitor";
    private static final List<String> EXPLAINED = List.of("validation", "too-many-requests",
            "assistant-provider-unavailable");

    private final VisitorChat chat;
    private final VisitorThrottle throttle;

    VisitorChatPages(VisitorChat chat, VisitorThrottle throttle) {
        this.chat = chat;
        this.throttle = throttle;
    }

    /** One line of the transcript: the visitor's question or the assistant's answer. */
    record Line(String role, String content, String documentNumber, String link) {
    }

    @GetMapping
    String page(@PathVariable String slug, Model model) {
        return show(chat.business(slug), List.of(), null, model);
    }

    @PostMapping
    String ask(@PathVariable String slug, @RequestParam(required = false) String message,
               @RequestParam(required = false) List<String> history, Locale locale, HttpServletRequest request,
               Model model) {
        BookingDesk.Business business = chat.business(slug);
        List<VisitorChat.Said> earlier = earlier(history);
        List<Line> lines = new ArrayList<>(earlier.stream().map(s -> new Line(s.role(), s.content(), null, null))
                .toList());
        try {
            VisitorChat.Answer answer = chat.answer(slug, message, earlier, locale,
                    () -> throttle.question(ClientAddress.of(request)));
            lines.add(new Line("user", message.strip(), null, null));
            lines.add(new Line("assistant", answer.answer(), null, null));
            return show(business, lines, null, model);
        } catch (ComptoirException e) {
            model.addAttribute("problem", EXPLAINED.contains(e.type()) ? e.type() : "other");
            return show(business, lines, message, model);
        }
    }

    /** The turns the form carried back ({@code user:text} or {@code assistant:text}), the last few only. */
    private static List<VisitorChat.Said> earlier(List<String> history) {
        if (history == null) {
            return List.of();
        }
        List<VisitorChat.Said> said = new ArrayList<>();
        for (String h : history) {
            int colon = h == null ? -1 : h.indexOf(':');
            if (colon > 0) {
                String role = h.substring(0, colon);
                String text = h.substring(colon + 1);
                if (("user".equals(role) || "assistant".equals(role)) && !text.isBlank()) {
                    said.add(new VisitorChat.Said(role, text.length() > VisitorChat.MAX_HISTORY_TEXT
                            ? text.substring(0, VisitorChat.MAX_HISTORY_TEXT) : text));
                }
            }
        }
        return said.subList(Math.max(0, said.size() - VisitorChat.MAX_HISTORY), said.size());
    }

    private String show(BookingDesk.Business business, List<Line> lines, String draft, Model model) {
        model.addAttribute("business", business);
        model.addAttribute("slug", business.slug());
        model.addAttribute("lines", lines);
        model.addAttribute("current", null);
        model.addAttribute("history", lines.subList(Math.max(0, lines.size() - VisitorChat.MAX_HISTORY),
                lines.size()).stream().map(l -> l.role() + ":" + l.content()).toList());
        model.addAttribute("draft", draft);
        model.addAttribute("maxMessage", VisitorChat.MAX_MESSAGE);
        return PAGE;
    }
}
