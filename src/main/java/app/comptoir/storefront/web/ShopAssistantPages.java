package app.comptoir.storefront.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import app.comptoir.assistant.ChatAnswer;
import app.comptoir.assistant.ConversationSummary;
import app.comptoir.assistant.ConversationView;
import app.comptoir.platform.ComptoirException;
import app.comptoir.platform.PageController;
import app.comptoir.storefront.application.ShopAssistant;
import app.comptoir.storefront.application.ShopBusiness;
import app.comptoir.storefront.application.ShopBusinesses;
import app.comptoir.storefront.application.SignedInShopper;

/**
 * The shop's assistant page ({@code /shop/{slug}/assistant}) for a signed-in shopper: their recent conversations, the
 * one opened (their messages and the assistant's, and a link to each order placed from it), and a message box. A
 * message is a plain form post answered by a redirect to the conversation (the back office's chat page works the
 * same way); a refusal (empty or too long message, budget used, provider down) is shown next to the box with the
 * message kept. An anonymous visitor gets an invitation to sign in (the assistant acts on their cart and orders).
 * Never cached.
 */
@PageController
@RequestMapping("/shop/{slug}/assistant")
class ShopAssistantPages {

    private static final String PAGE = "storefront/assistant";

    /** The problem types the page explains in its own words; any other gets the general message. */
    private static final Set<String> EXPLAINED = Set.of("validation", "not-found",
            "assistant-token-budget-exceeded", "assistant-provider-unavailable");

    private final ShopBusinesses shops;
    private final ShopVisitors visitors;
    private final ShopAssistant assistant;

    ShopAssistantPages(ShopBusinesses shops, ShopVisitors visitors, ShopAssistant assistant) {
        this.shops = shops;
        this.visitors = visitors;
        this.assistant = assistant;
    }

    /** One line of the conversation as the page shows it: a message, or an order placed from it. */
    record Line(String role, String content, String documentNumber, String link) {
    }

    @GetMapping
    String page(@PathVariable String slug, @RequestParam(name = "c", required = false) String conversation,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        model.addAttribute("shop", shop);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return invitation(slug, model);
        }
        UUID id = parse(conversation);
        if (conversation != null && !conversation.isBlank() && id == null) {
            model.addAttribute("problem", "not-found");
        }
        return show(shop, shopper.get(), id, null, model);
    }

    @PostMapping
    String send(@PathVariable String slug, @RequestParam(required = false) String conversationId,
                @RequestParam(required = false) String message, Locale locale, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        ShopBusiness shop = shops.open(slug);
        ShopCarts.noStore(response);
        model.addAttribute("shop", shop);
        Optional<SignedInShopper> shopper = visitors.signedIn(request, shop);
        if (shopper.isEmpty()) {
            return invitation(slug, model);
        }
        UUID id = parse(conversationId);
        if (conversationId != null && !conversationId.isBlank() && id == null) {
            model.addAttribute("problem", "not-found");
            return show(shop, shopper.get(), null, message, model);
        }
        try {
            ChatAnswer answer = assistant.chat(shop, shopper.get(), locale.getLanguage(), id, message);
            return "redirect:" + UriComponentsBuilder.fromPath("/shop/" + slug + "/assistant")
                    .queryParam("c", answer.conversationId())
                    .queryParamIfPresent("lang", Optional.ofNullable(request.getParameter("lang"))
                            .filter(l -> l.equals("fr") || l.equals("en")))
                    .build().toUriString();
        } catch (ComptoirException e) {
            model.addAttribute("problem", EXPLAINED.contains(e.type()) ? e.type() : "other");
            return show(shop, shopper.get(), id, message, model);
        }
    }

    private String invitation(String slug, Model model) {
        model.addAttribute("signIn", UriComponentsBuilder.fromPath("/shop/" + slug + "/account/login")
                .queryParam("next", "/shop/" + slug + "/assistant").encode().build().toUriString());
        return PAGE;
    }

    private String show(ShopBusiness shop, SignedInShopper shopper, UUID id, String draft, Model model) {
        List<ConversationSummary> conversations = assistant.conversations(shop, shopper);
        model.addAttribute("shopper", shopper);
        model.addAttribute("conversations", conversations);
        model.addAttribute("draft", draft);
        if (id != null) {
            try {
                ConversationView view = assistant.conversation(shop, shopper, id);
                model.addAttribute("current", view.summary());
                model.addAttribute("lines", view.messages().stream()
                        .map(m -> line(shop, m)).filter(l -> l != null).toList());
            } catch (ComptoirException e) {
                model.addAttribute("problem", "not-found");
            }
        }
        return PAGE;
    }

    /** A message as it is; a tool call only when it placed an order. */
    private static Line line(ShopBusiness shop, ConversationView.Message m) {
        if (m.role().equals("user") || m.role().equals("assistant")) {
            return new Line(m.role(), m.content(), null, null);
        }
        if (m.documentId() != null && "order".equals(m.documentKind())) {
            return new Line("document", null, m.documentNumber(),
                    "/shop/" + shop.slug() + "/account/orders/" + m.documentId());
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
