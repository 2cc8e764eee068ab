package app.comptoir.assistant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import app.comptoir.assistant.application.ChatModels;
import app.comptoir.assistant.application.ChatSettings;
import app.comptoir.assistant.application.ChatTools;
import app.comptoir.assistant.application.ProviderConfig;
import app.comptoir.assistant.application.ProviderKind;
import app.comptoir.assistant.application.ProviderSettings;
import app.comptoir.assistant.application.ProviderUnavailable;
import app.comptoir.assistant.application.ShopperChatTools;
import app.comptoir.assistant.application.TokenBudgetExceeded;
import app.comptoir.assistant.domain.ChatPrompt;
import app.comptoir.assistant.domain.Costs;
import app.comptoir.assistant.domain.OrderConfirmation;
import app.comptoir.assistant.persistence.ConversationStore;
import app.comptoir.catalog.CatalogQueries;
import app.comptoir.catalog.ProductQuery;
import app.comptoir.catalog.ProductStatus;
import app.comptoir.catalog.ProductView;
import app.comptoir.identity.TenantProfile;
import app.comptoir.identity.Tenants;
import app.comptoir.platform.ComptoirPrincipal;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.Permission;
import app.comptoir.platform.Permissions;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;
import app.comptoir.sales.AssistedSales;

/**
 * The chat agent of the back office: one message of a staff user in one of their conversations, answered by the
 * business's provider with tools (search products, a variant's price and stock, customers and their orders, draft a
 * quote, prepare an order), or, without a provider, by a catalog search that says so.
 *
 * <p>The agent runs the model's tool calls itself, each through {@link ChatTools} with the user's permissions. An
 * order is never placed by the model: place_order prepares a proposal that the server stores with the conversation
 * and shows (lines, totals, address, in its own words, not the model's); the order is placed when the user's next
 * message is an explicit "oui"/"yes" ({@link OrderConfirmation}), and any other message drops the proposal. No
 * transaction is held while the provider answers; the conversation row is locked while a turn opens, so two
 * confirmations of one proposal place one order.
 */
@Service
public class AssistantChat {

    /** The longest message a user may send. */
    public static final int MAX_MESSAGE = 4000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AssistantChat.class);

    private final ConversationStore store;
    private final ProviderSettings settings;
    private final ChatSettings chat;
    private final ChatModels models;
    private final ChatTools tools;
    private final ShopperChatTools shopperTools;
    private final AssistedSales sales;
    private final CatalogQueries catalog;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final MessageSource messages;
    private final app.comptoir.platform.UserNames userNames;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AssistantChat(ConversationStore store, ProviderSettings settings, ChatSettings chat, ChatModels models,
                  ChatTools tools, ShopperChatTools shopperTools, AssistedSales sales, CatalogQueries catalog,
                  Tenants tenants,
                  TenantContext tenantContext, Permissions permissions, MessageSource messages,
                  app.comptoir.platform.UserNames userNames, PlatformTransactionManager transactions, Clock clock) {
        this.userNames = userNames;
        this.store = store;
        this.settings = settings;
        this.chat = chat;
        this.models = models;
        this.tools = tools;
        this.shopperTools = shopperTools;
        this.sales = sales;
        this.catalog = catalog;
        this.tenants = tenants;
        this.tenantContext = tenantContext;
        this.permissions = permissions;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Where one turn stands while it runs: what it used, the tools it ran, what it created or prepared. */
    private static final class Turn {
        int tokensIn;
        int tokensOut;
        BigDecimal cost = BigDecimal.ZERO;
        final List<ChatAnswer.ToolUse> tools = new ArrayList<>();
        final List<ChatAnswer.DraftedDocument> documents = new ArrayList<>();
        ChatAnswer.PendingOrder pending;
        String pendingJson;
        boolean refusedOrder;
    }

    /**
     * Answers the user's message in their conversation ({@code conversationId} null: a new one). 404 for another
     * user's conversation, 409 {@code assistant-token-budget-exceeded} once the conversation used its budget, 503
     * when the provider does not answer.
     */
    public ChatAnswer chat(UUID conversationId, String message) {
        return chat(conversationId, message, null);
    }

    /**
     * As {@link #chat(UUID, String)}, with the model's answer streamed: {@code onText} receives each piece of text
     * as the provider sends it (the server's own additions, such as an order to confirm, are only in the answer).
     */
    public ChatAnswer chat(UUID conversationId, String message, java.util.function.Consumer<String> onText) {
        permissions.require(Permission.READ);
        String text = validated(message);
        UUID user = tenantContext.principal().map(ComptoirPrincipal::userId)
                .orElseThrow(() -> new NotFoundException("conversation", conversationId));
        return turn(new StaffSeat(user), conversationId, text, onText);
    }

    /**
     * A signed-in shopper's message on the storefront, in one of their conversations ({@code conversationId} null: a
     * new one), answered with the shopper's tools only ({@link ShopperChatTools} over the storefront's
     * {@link ShopperShop}); the same rules as for staff: the order of the cart placed only after the shopper's "oui",
     * 404 for a conversation that is not theirs, 409 past the token budget, 503 when the provider does not answer.
     * Runs in the shop's business (the caller sets the tenant).
     */
    public ChatAnswer chatAsShopper(ShopperShop shop, UUID conversationId, String message) {
        return chatAsShopper(shop, conversationId, message, null);
    }

    /** As {@link #chatAsShopper(ShopperShop, UUID, String)}, with the model's answer streamed to {@code onText}. */
    public ChatAnswer chatAsShopper(ShopperShop shop, UUID conversationId, String message,
                                    java.util.function.Consumer<String> onText) {
        String text = validated(message);
        return turn(new ShopperSeat(shop), conversationId, text, onText);
    }

    /** The shopper's own conversations, most recent first (at most 20). */
    public List<ConversationSummary> shopperConversations(ShopperShop shop) {
        UUID tenant = tenantContext.requireTenant();
        return transaction.execute(status -> store.list(tenant, ConversationStore.SHOPPER, shop.shopperId(), 20)
                .stream().map(AssistantChat::summary).toList());
    }

    /** One of the shopper's own conversations with its messages (404 for anyone else's). */
    public ConversationView shopperConversation(ShopperShop shop, UUID id) {
        UUID tenant = tenantContext.requireTenant();
        return transaction.execute(status -> {
            ConversationStore.Conversation c = store.find(tenant, id)
                    .filter(found -> found.ownedBy(ConversationStore.SHOPPER, shop.shopperId()))
                    .orElseThrow(() -> new NotFoundException("conversation", id));
            return view(tenant, c);
        });
    }

    /**
     * Who talks in a conversation and what they may reach: a staff user (the back office's tools, under their
     * permissions) or a shopper (the shop's tools for that shopper only).
     */
    private interface Seat {
        String kind();

        UUID owner();

        String label();

        Locale locale(TenantProfile business);

        String system(TenantProfile business, Locale locale);

        List<org.springframework.ai.tool.ToolCallback> tools();

        ChatTools.Result run(String name, String arguments, ChatTools.Turn turn);

        /** Places the confirmed proposal (JSON as stored): the tool result to keep and the answer. */
        Confirmed confirm(UUID conversationId, String pendingJson, Locale locale);

        /** Without a provider: the answer from the catalog alone. */
        String catalogOnly(String text, Locale locale);

        String link(String kind, UUID id);
    }

    private record Confirmed(ChatTools.Result result, String answer) {
    }

    private final class StaffSeat implements Seat {
        private final UUID user;

        StaffSeat(UUID user) {
            this.user = user;
        }

        public String kind() {
            return ConversationStore.STAFF;
        }

        public UUID owner() {
            return user;
        }

        public String label() {
            return null;
        }

        public Locale locale(TenantProfile business) {
            return business.locale() != null && business.locale().startsWith("en") ? Locale.ENGLISH : Locale.FRENCH;
        }

        public String system(TenantProfile business, Locale locale) {
            return ChatPrompt.system(business.name(), locale.getLanguage(), sales.maySell());
        }

        public List<org.springframework.ai.tool.ToolCallback> tools() {
            return tools.offered();
        }

        public ChatTools.Result run(String name, String arguments, ChatTools.Turn turn) {
            return tools.run(name, arguments, turn);
        }

        public Confirmed confirm(UUID id, String pendingJson, Locale locale) {
            var stored = JSON.readTree(pendingJson);
            List<AssistedSales.Line> lines = new ArrayList<>();
            stored.path("lines").forEach(l -> lines.add(new AssistedSales.Line(
                    UUID.fromString(l.path("variantId").asString()), l.path("quantity").asInt())));
            try {
                AssistedSales.Drafted order = sales.placeOrder(UUID.fromString(stored.path("customerId").asString()),
                        UUID.fromString(stored.path("addressId").asString()), lines, id);
                return new Confirmed(new ChatTools.Result(JSON.writeValueAsString(order), "done", "order", order.id(),
                        order.number(), null, false),
                        say("assistant.chat.orderPlaced", locale, order.number(), order.gross(), order.currency()));
            } catch (org.springframework.security.access.AccessDeniedException e) {
                return new Confirmed(new ChatTools.Result("{\"refused\":\"not allowed\"}", "refused", null, null,
                        null, null, false), say("assistant.chat.orderNotAllowed", locale));
            } catch (app.comptoir.platform.ComptoirException e) {
                return new Confirmed(new ChatTools.Result(JSON.writeValueAsString(Map.of("error", e.getMessage())),
                        "failed", null, null, null, null, false),
                        say("assistant.chat.orderFailed", locale, e.getMessage()));
            }
        }

        public String catalogOnly(String text, Locale locale) {
            return AssistantChat.this.catalogOnly(text, locale);
        }

        public String link(String kind, UUID id) {
            return ("quote".equals(kind) ? "/app/sales/quotes/" : "/app/sales/orders/") + id;
        }
    }

    private final class ShopperSeat implements Seat {
        private final ShopperShop shop;

        ShopperSeat(ShopperShop shop) {
            this.shop = shop;
        }

        public String kind() {
            return ConversationStore.SHOPPER;
        }

        public UUID owner() {
            return shop.shopperId();
        }

        public String label() {
            String label = shop.shopperLabel();
            return label == null || label.length() <= 200 ? label : label.substring(0, 200);
        }

        public Locale locale(TenantProfile business) {
            return "en".equals(shop.language()) ? Locale.ENGLISH : Locale.FRENCH;
        }

        public String system(TenantProfile business, Locale locale) {
            return ChatPrompt.shopper(shop.shopName(), locale.getLanguage());
        }

        public List<org.springframework.ai.tool.ToolCallback> tools() {
            return shopperTools.offered();
        }

        public ChatTools.Result run(String name, String arguments, ChatTools.Turn turn) {
            return shopperTools.run(shop, name, arguments, turn);
        }

        public Confirmed confirm(UUID id, String pendingJson, Locale locale) {
            try {
                ShopperShop.Placed order = shop.place(ShopperChatTools.stored(pendingJson), "assistant-" + id + "-"
                        + Integer.toHexString(pendingJson.hashCode()));
                sales.markOnlineOrderDrafted(order.id(), order.number(), id);
                return new Confirmed(new ChatTools.Result(JSON.writeValueAsString(order), "done", "order", order.id(),
                        order.number(), null, false),
                        say("assistant.chat.orderPlaced", locale, order.number(), order.gross(), order.currency()));
            } catch (app.comptoir.platform.ComptoirException e) {
                return new Confirmed(new ChatTools.Result(JSON.writeValueAsString(Map.of("error", e.getMessage())),
                        "failed", null, null, null, null, false),
                        say("assistant.chat.orderFailed", locale, e.getMessage()));
            }
        }

        public String catalogOnly(String text, Locale locale) {
            List<ShopperShop.Product> found = new ArrayList<>(shop.search(text));
            if (found.isEmpty()) {
                for (String word : text.split("[^\\p{L}\\p{N}-]+")) {
                    if (word.length() >= 4 && found.size() < 5) {
                        for (ShopperShop.Product p : shop.search(word)) {
                            if (found.size() < 5 && found.stream().noneMatch(f -> f.name().equals(p.name()))) {
                                found.add(p);
                            }
                        }
                    }
                }
            }
            StringBuilder answer = new StringBuilder(say("assistant.chat.noProvider", locale));
            if (found.isEmpty()) {
                return answer.append("\n\n").append(say("assistant.chat.nothingFound", locale, text)).toString();
            }
            answer.append("\n\n").append(say("assistant.chat.found", locale, text));
            for (ShopperShop.Product p : found) {
                answer.append("\n- ").append(p.name());
                for (ShopperShop.Variant v : p.variants()) {
                    answer.append("\n  · ").append(v.sku()).append(" : ").append(v.price()).append(' ')
                            .append(v.currency()).append(" — ")
                            .append(say("assistant.chat.availability." + v.availability(), locale));
                }
            }
            return answer.toString();
        }

        public String link(String kind, UUID id) {
            return shop.orderLink(id);
        }
    }

    private static String validated(String message) {
        String text = message == null ? null : message.strip();
        if (text == null || text.isEmpty() || text.length() > MAX_MESSAGE || TextInput.hasControlCharacter(
                text.replace('\n', ' ').replace('\t', ' ').replace('\r', ' '))) {
            throw InvalidInputException.field("message", "is required, at most " + MAX_MESSAGE
                    + " characters, without control characters");
        }
        return text;
    }

    /** One message of one seat's conversation: see {@link #chat(UUID, String)}. */
    private ChatAnswer turn(Seat seat, UUID conversationId, String text,
                            java.util.function.Consumer<String> onText) {
        UUID tenant = tenantContext.requireTenant();
        UUID user = seat.owner();
        TenantProfile business = tenants.current();
        Locale locale = seat.locale(business);
        ProviderConfig provider = settings.current();

        // Open the turn: the conversation (locked), its budget, its pending order (taken: a turn consumes it).
        Instant now = clock.instant();
        record Opened(ConversationStore.Conversation conversation, List<ConversationStore.Message> history) {
        }
        Opened opened = transaction.execute(status -> {
            UUID id = conversationId;
            if (id == null) {
                id = app.comptoir.platform.Ids.newId();
                store.create(tenant, id, seat.kind(), user, seat.label(), title(text), chat.tokenBudget(), now);
            }
            ConversationStore.Conversation c = store.lock(tenant, id)
                    .filter(found -> found.ownedBy(seat.kind(), user))
                    .orElseThrow(() -> new NotFoundException("conversation", conversationId));
            if (c.tokens() >= c.tokenBudget()) {
                throw new TokenBudgetExceeded(c.tokens(), c.tokenBudget());
            }
            List<ConversationStore.Message> history = store.messages(tenant, id);
            store.append(tenant, id, message("user", text, now));
            if (c.pendingOrder() != null) {
                store.pendingOrder(tenant, id, null, now);
            }
            return new Opened(c, history);
        });
        ConversationStore.Conversation conversation = opened.conversation();
        UUID id = conversation.id();
        Turn turn = new Turn();

        String answer;
        String writer;
        String model = null;
        if (conversation.pendingOrder() != null && OrderConfirmation.confirms(text)) {
            answer = confirm(seat, tenant, id, conversation.pendingOrder(), turn, locale);
            writer = "server";
        } else if (provider.kind() == ProviderKind.BUILTIN) {
            answer = seat.catalogOnly(text, locale);
            if (conversation.pendingOrder() != null) {
                answer = say("assistant.chat.proposalDropped", locale) + "\n\n" + answer;
            }
            writer = "catalog";
        } else {
            answer = converse(seat, provider, business, locale, conversation, opened.history(), text, turn, onText);
            if (conversation.pendingOrder() != null) {
                answer = say("assistant.chat.proposalDropped", locale) + "\n\n" + answer;
            }
            writer = provider.kind().key();
            model = provider.model();
        }

        String finalAnswer = answer;
        Instant end = clock.instant();
        long used = transaction.execute(status -> {
            if (turn.pendingJson != null) {
                store.pendingOrder(tenant, id, turn.pendingJson, end);
            }
            ConversationStore.Message m = message("assistant", finalAnswer, end);
            store.append(tenant, id, new ConversationStore.Message(0, m.role(), m.content(), null, null, null, null,
                    null, null, turn.tokensIn, turn.tokensOut, end));
            return store.find(tenant, id).map(ConversationStore.Conversation::tokens).orElse(0L);
        });
        return new ChatAnswer(id, finalAnswer, writer, model, turn.tokensIn, turn.tokensOut,
                turn.cost.setScale(6, RoundingMode.HALF_UP), settings.costCurrency(), used,
                conversation.tokenBudget(), List.copyOf(turn.tools), turn.pending, List.copyOf(turn.documents));
    }

    private String converse(Seat seat, ProviderConfig provider, TenantProfile business, Locale locale,
                            ConversationStore.Conversation conversation, List<ConversationStore.Message> history,
                            String text, Turn turn, java.util.function.Consumer<String> onText) {
        UUID tenant = business.id();
        UUID id = conversation.id();
        List<Message> prompt = new ArrayList<>();
        prompt.add(new SystemMessage(seat.system(business, locale)));
        List<ConversationStore.Message> said = history.stream()
                .filter(m -> m.role().equals("user") || m.role().equals("assistant")).toList();
        for (ConversationStore.Message m : said.subList(Math.max(0, said.size() - chat.historyMessages()),
                said.size())) {
            prompt.add(m.role().equals("user") ? new UserMessage(m.content()) : new AssistantMessage(m.content()));
        }
        prompt.add(new UserMessage(text));
        ChatOptions options = models.toolOptions(provider, seat.tools());
        ChatTools.Turn toolTurn = new ChatTools.Turn(id, text);
        long used = conversation.tokens();
        for (int round = 0; round < chat.maxToolRounds(); round++) {
            AssistantMessage output;
            int in;
            int out;
            try {
                if (onText == null) {
                    ChatResponse response = models.model(provider).call(new Prompt(prompt, options));
                    if (response == null || response.getResult() == null) {
                        throw ProviderUnavailable.chat(provider.kind().key(), null);
                    }
                    Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
                    in = usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
                    out = usage == null || usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
                    output = response.getResult().getOutput();
                } else {
                    // Streamed: the text goes to the caller piece by piece; tool calls and the usage are gathered.
                    StringBuilder streamed = new StringBuilder();
                    List<AssistantMessage.ToolCall> calls = new ArrayList<>();
                    int[] counted = {0, 0};
                    for (ChatResponse chunk : models.model(provider).stream(new Prompt(prompt, options))
                            .toIterable()) {
                        Usage usage = chunk.getMetadata() == null ? null : chunk.getMetadata().getUsage();
                        if (usage != null && usage.getPromptTokens() != null && usage.getPromptTokens() > 0) {
                            counted[0] = usage.getPromptTokens();
                        }
                        if (usage != null && usage.getCompletionTokens() != null && usage.getCompletionTokens() > 0) {
                            counted[1] = usage.getCompletionTokens();
                        }
                        if (chunk.getResult() == null || chunk.getResult().getOutput() == null) {
                            continue;
                        }
                        AssistantMessage piece = chunk.getResult().getOutput();
                        if (piece.hasToolCalls()) {
                            calls.addAll(piece.getToolCalls());
                        }
                        if (piece.getText() != null && !piece.getText().isEmpty()) {
                            streamed.append(piece.getText());
                            onText.accept(piece.getText());
                        }
                    }
                    in = counted[0];
                    out = counted[1];
                    output = AssistantMessage.builder().content(streamed.toString()).toolCalls(calls).build();
                }
            } catch (ProviderUnavailable e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("The assistant's provider {} failed: {}", provider, e.toString());
                throw ProviderUnavailable.chat(provider.kind().key(), e);
            }
            BigDecimal cost = Costs.of(in, out, provider.pricePer1kIn(), provider.pricePer1kOut());
            turn.tokensIn += in;
            turn.tokensOut += out;
            turn.cost = turn.cost.add(cost);
            used += in + out;
            Instant at = clock.instant();
            transaction.executeWithoutResult(status -> {
                store.addTokens(tenant, id, in, out, cost, at);
                store.countTokens(tenant, in, out, cost, at);
            });
            if (!output.hasToolCalls()) {
                return finish(output.getText(), turn, locale);
            }
            prompt.add(output);
            List<ToolResponseMessage.ToolResponse> results = new ArrayList<>();
            for (AssistantMessage.ToolCall call : output.getToolCalls()) {
                ChatTools.Result result = seat.run(call.name(), call.arguments(), toolTurn);
                record(seat, tenant, id, call, result, turn);
                results.add(new ToolResponseMessage.ToolResponse(call.id(), call.name(), result.json()));
            }
            prompt.add(ToolResponseMessage.builder().responses(results).build());
            if (used >= conversation.tokenBudget()) {
                return finish(say("assistant.chat.budgetReached", locale), turn, locale);
            }
        }
        return finish(say("assistant.chat.tooManyRounds", locale), turn, locale);
    }

    /** Keeps a tool call and its outcome with the conversation, and what it created or prepared with the turn. */
    private void record(Seat seat, UUID tenant, UUID id, AssistantMessage.ToolCall call, ChatTools.Result result,
                        Turn turn) {
        Instant at = clock.instant();
        String arguments = call.arguments() == null ? null
                : call.arguments().length() > 4000 ? call.arguments().substring(0, 4000) : call.arguments();
        transaction.executeWithoutResult(status -> store.append(tenant, id, new ConversationStore.Message(0, "tool",
                result.json().length() > 8000 ? result.json().substring(0, 8000) : result.json(),
                call.name() == null ? "?" : call.name().length() > 40 ? call.name().substring(0, 40) : call.name(),
                arguments, result.outcome(), result.documentKind(), result.documentId(), result.documentNumber(), 0,
                0, at)));
        turn.tools.add(new ChatAnswer.ToolUse(call.name(), result.outcome()));
        if (result.documentId() != null) {
            turn.documents.add(new ChatAnswer.DraftedDocument(result.documentKind(), result.documentId(),
                    result.documentNumber(), seat.link(result.documentKind(), result.documentId())));
        }
        if (result.refusedOrder()) {
            turn.refusedOrder = true;
        }
        if (result.proposed() != null) {
            turn.pending = result.proposed().shown();
            turn.pendingJson = result.proposed().stored();
        }
    }

    /** The model's answer, followed by what the server itself must say: a refused order, the order to confirm. */
    private String finish(String modelText, Turn turn, Locale locale) {
        StringBuilder answer = new StringBuilder(modelText == null ? "" : modelText.strip());
        if (turn.refusedOrder) {
            append(answer, say("assistant.chat.orderRefused", locale));
        }
        if (turn.pending != null) {
            ChatAnswer.PendingOrder p = turn.pending;
            StringBuilder summary = new StringBuilder(say("assistant.chat.proposal", locale, p.customer()));
            for (ChatAnswer.PendingOrder.Line l : p.lines()) {
                summary.append("\n- ").append(l.quantity()).append(" × ").append(l.label()).append(" (")
                        .append(l.sku()).append(") : ").append(l.amount()).append(' ').append(p.currency());
            }
            if (p.deliveryFee() != null && p.deliveryFee().signum() != 0) {
                summary.append("\n- ").append(say("assistant.chat.proposalDelivery", locale, p.deliveryFee(),
                        p.currency()));
            }
            summary.append('\n').append(say("assistant.chat.proposalTotals", locale, p.net(), p.vat(), p.gross(),
                    p.currency()));
            summary.append('\n').append(say("assistant.chat.proposalAddress", locale, p.deliveryAddress()));
            summary.append('\n').append(say("assistant.chat.proposalConfirm", locale));
            append(answer, summary.toString());
        }
        if (answer.isEmpty()) {
            answer.append(say("assistant.chat.noText", locale));
        }
        return answer.toString();
    }

    /** Places the confirmed proposal, as it was shown; the model is not asked anything. */
    private String confirm(Seat seat, UUID tenant, UUID id, String pendingJson, Turn turn, Locale locale) {
        Confirmed confirmed = seat.confirm(id, pendingJson, locale);
        record(seat, tenant, id, new AssistantMessage.ToolCall("confirmation", "function", "confirmed_order",
                pendingJson), confirmed.result(), turn);
        return confirmed.answer();
    }

    /** Without a provider: the catalog's products matching the message, and the honest reason. */
    private String catalogOnly(String text, Locale locale) {
        List<ProductView> found = new ArrayList<>(search(text));
        if (found.isEmpty()) {
            for (String word : text.split("[^\\p{L}\\p{N}-]+")) {
                if (word.length() >= 4 && found.size() < 5) {
                    for (ProductView p : search(word)) {
                        if (found.size() < 5 && found.stream().noneMatch(f -> f.id().equals(p.id()))) {
                            found.add(p);
                        }
                    }
                }
            }
        }
        StringBuilder answer = new StringBuilder(say("assistant.chat.noProvider", locale));
        if (found.isEmpty()) {
            answer.append("\n\n").append(say("assistant.chat.nothingFound", locale, text));
            return answer.toString();
        }
        answer.append("\n\n").append(say("assistant.chat.found", locale, text));
        for (Map<String, Object> p : tools.products(found)) {
            answer.append("\n- ").append(p.get("name"));
            for (Object v : (List<?>) p.get("variants")) {
                Map<?, ?> variant = (Map<?, ?>) v;
                answer.append("\n  · ").append(variant.get("sku")).append(" : ").append(variant.get("price"))
                        .append(' ').append(tenants.current().currency()).append(" — ")
                        .append(say("assistant.chat.available", locale, variant.get("available")));
            }
        }
        return answer.toString();
    }

    private List<ProductView> search(String q) {
        return catalog.search(new ProductQuery(q, null, null, ProductStatus.ACTIVE, null, null, null, null, 0, 5,
                false)).items();
    }

    /**
     * Whether the caller may read everyone's conversations, the staff's and the shoppers': managers and
     * administrators (who may sell, or read the audit trail).
     */
    public boolean mayReadEveryone() {
        return permissions.has(Permission.AUDIT_READ) || permissions.has(Permission.ORDERS_WRITE);
    }

    private void requireEveryone() {
        if (!mayReadEveryone()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Reading everyone's conversations needs ORDERS_WRITE or AUDIT_READ");
        }
    }

    /**
     * Every conversation of the business, staff's and shoppers', most recent first (at most {@code limit}, 1 to
     * 200), each with who talked and the quotes and orders the assistant created in it: for managers and
     * administrators ({@link #mayReadEveryone()}).
     */
    public List<ConversationOverview> overview(int limit) {
        requireEveryone();
        UUID tenant = tenantContext.requireTenant();
        int max = Math.max(1, Math.min(limit, 200));
        return transaction.execute(status -> {
            List<ConversationStore.Conversation> found = store.list(tenant, null, null, max);
            Map<UUID, String> staff = userNames.namesOf(found.stream()
                    .filter(c -> c.ownerKind().equals(ConversationStore.STAFF))
                    .map(ConversationStore.Conversation::userId).distinct().toList());
            Map<UUID, List<ChatAnswer.DraftedDocument>> drafted = new java.util.HashMap<>();
            for (ConversationStore.Document d : store.documents(tenant, 1000)) {
                drafted.computeIfAbsent(d.conversationId(), k -> new ArrayList<>()).add(
                        new ChatAnswer.DraftedDocument(d.kind(), d.id(), d.number(),
                                ("quote".equals(d.kind()) ? "/app/sales/quotes/" : "/app/sales/orders/") + d.id()));
            }
            return found.stream().map(c -> new ConversationOverview(summary(c),
                    c.ownerKind().equals(ConversationStore.STAFF) ? staff.getOrDefault(c.userId(), "?")
                            : c.ownerLabel(), List.copyOf(drafted.getOrDefault(c.id(), List.of())))).toList();
        });
    }

    /** The current user's conversations, or with {@code everyone} everyone's (managers and administrators). */
    public List<ConversationSummary> conversations(boolean everyone) {
        permissions.require(Permission.READ);
        if (everyone) {
            requireEveryone();
        }
        UUID tenant = tenantContext.requireTenant();
        UUID user = everyone ? null : tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        if (!everyone && user == null) {
            return List.of();
        }
        return transaction.execute(status -> store.list(tenant, ConversationStore.STAFF, user, 100).stream()
                .map(AssistantChat::summary)
                .toList());
    }

    /** One conversation with its messages: the user's own, or anyone's for who may read the audit trail. */
    public ConversationView conversation(UUID id) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        UUID user = tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        boolean auditor = mayReadEveryone();
        return transaction.execute(status -> {
            ConversationStore.Conversation c = store.find(tenant, id)
                    .filter(found -> auditor || found.ownedBy(ConversationStore.STAFF, user))
                    .orElseThrow(() -> new NotFoundException("conversation", id));
            return view(tenant, c);
        });
    }

    private ConversationView view(UUID tenant, ConversationStore.Conversation c) {
        return new ConversationView(summary(c), store.messages(tenant, c.id()).stream()
                .map(m -> new ConversationView.Message(m.seq(), m.role(), m.content(), m.toolName(),
                        m.toolArguments(), m.toolOutcome(), m.documentKind(), m.documentId(),
                        m.documentNumber(), m.tokensIn(), m.tokensOut(), m.createdAt()))
                .toList());
    }

    private static ConversationSummary summary(ConversationStore.Conversation c) {
        return new ConversationSummary(c.id(), c.userId(), c.ownerKind(), c.ownerLabel(), c.title(), c.tokens(),
                c.tokenBudget(), c.cost().setScale(6, RoundingMode.HALF_UP), c.pendingOrder() != null,
                c.createdAt(), c.updatedAt());
    }

    private static ConversationStore.Message message(String role, String content, Instant at) {
        return new ConversationStore.Message(0, role, content, null, null, null, null, null, null, 0, 0, at);
    }

    private static String title(String text) {
        String line = text.lines().findFirst().orElse(text).strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }

    private static void append(StringBuilder answer, String text) {
        if (!answer.isEmpty()) {
            answer.append("\n\n");
        }
        answer.append(text);
    }

    private String say(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
