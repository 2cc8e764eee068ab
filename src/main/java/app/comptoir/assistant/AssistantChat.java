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
    private final AssistedSales sales;
    private final CatalogQueries catalog;
    private final Tenants tenants;
    private final TenantContext tenantContext;
    private final Permissions permissions;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AssistantChat(ConversationStore store, ProviderSettings settings, ChatSettings chat, ChatModels models,
                  ChatTools tools, AssistedSales sales, CatalogQueries catalog, Tenants tenants,
                  TenantContext tenantContext, Permissions permissions, MessageSource messages,
                  PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.chat = chat;
        this.models = models;
        this.tools = tools;
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
        String text = message == null ? null : message.strip();
        if (text == null || text.isEmpty() || text.length() > MAX_MESSAGE || TextInput.hasControlCharacter(
                text.replace('\n', ' ').replace('\t', ' ').replace('\r', ' '))) {
            throw InvalidInputException.field("message", "is required, at most " + MAX_MESSAGE
                    + " characters, without control characters");
        }
        UUID tenant = tenantContext.requireTenant();
        UUID user = tenantContext.principal().map(ComptoirPrincipal::userId)
                .orElseThrow(() -> new NotFoundException("conversation", conversationId));
        TenantProfile business = tenants.current();
        Locale locale = business.locale() != null && business.locale().startsWith("en") ? Locale.ENGLISH
                : Locale.FRENCH;
        ProviderConfig provider = settings.current();

        // Open the turn: the conversation (locked), its budget, its pending order (taken: a turn consumes it).
        Instant now = clock.instant();
        record Opened(ConversationStore.Conversation conversation, List<ConversationStore.Message> history) {
        }
        Opened opened = transaction.execute(status -> {
            UUID id = conversationId;
            if (id == null) {
                id = app.comptoir.platform.Ids.newId();
                store.create(tenant, id, user, title(text), chat.tokenBudget(), now);
            }
            ConversationStore.Conversation c = store.lock(tenant, id)
                    .filter(found -> found.userId().equals(user))
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
            answer = confirm(tenant, id, conversation.pendingOrder(), turn, locale);
            writer = "server";
        } else if (provider.kind() == ProviderKind.BUILTIN) {
            answer = catalogOnly(text, locale);
            if (conversation.pendingOrder() != null) {
                answer = say("assistant.chat.proposalDropped", locale) + "\n\n" + answer;
            }
            writer = "catalog";
        } else {
            answer = converse(provider, business, locale, conversation, opened.history(), text, turn, onText);
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

    private String converse(ProviderConfig provider, TenantProfile business, Locale locale,
                            ConversationStore.Conversation conversation, List<ConversationStore.Message> history,
                            String text, Turn turn, java.util.function.Consumer<String> onText) {
        UUID tenant = business.id();
        UUID id = conversation.id();
        List<Message> prompt = new ArrayList<>();
        prompt.add(new SystemMessage(ChatPrompt.system(business.name(), locale.getLanguage(), sales.maySell())));
        List<ConversationStore.Message> said = history.stream()
                .filter(m -> m.role().equals("user") || m.role().equals("assistant")).toList();
        for (ConversationStore.Message m : said.subList(Math.max(0, said.size() - chat.historyMessages()),
                said.size())) {
            prompt.add(m.role().equals("user") ? new UserMessage(m.content()) : new AssistantMessage(m.content()));
        }
        prompt.add(new UserMessage(text));
        ChatOptions options = models.toolOptions(provider, tools.offered());
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
                ChatTools.Result result = tools.run(call.name(), call.arguments(), toolTurn);
                record(tenant, id, call, result, turn);
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
    private void record(UUID tenant, UUID id, AssistantMessage.ToolCall call, ChatTools.Result result, Turn turn) {
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
            turn.documents.add(document(result.documentKind(), result.documentId(), result.documentNumber()));
        }
        if (result.refusedOrder()) {
            turn.refusedOrder = true;
        }
        if (result.proposal() != null) {
            AssistedSales.Proposal p = result.proposal();
            turn.pending = new ChatAnswer.PendingOrder(p.customerName(), p.lines().stream()
                    .map(l -> new ChatAnswer.PendingOrder.Line(l.sku(), l.label(), l.quantity(), l.unitPrice(),
                            l.amount())).toList(), p.net(), p.vat(), p.gross(), p.currency(), p.address().text());
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("customerId", p.customerId().toString());
            stored.put("addressId", p.address().id().toString());
            stored.put("lines", result.proposedLines().stream()
                    .map(l -> Map.of("variantId", l.variantId().toString(), "quantity", l.quantity())).toList());
            stored.put("gross", p.gross());
            stored.put("currency", p.currency());
            turn.pendingJson = JSON.writeValueAsString(stored);
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
    private String confirm(UUID tenant, UUID id, String pendingJson, Turn turn, Locale locale) {
        var stored = JSON.readTree(pendingJson);
        List<AssistedSales.Line> lines = new ArrayList<>();
        stored.path("lines").forEach(l -> lines.add(new AssistedSales.Line(
                UUID.fromString(l.path("variantId").asString()), l.path("quantity").asInt())));
        ChatTools.Result result;
        String answer;
        try {
            AssistedSales.Drafted order = sales.placeOrder(UUID.fromString(stored.path("customerId").asString()),
                    UUID.fromString(stored.path("addressId").asString()), lines, id);
            result = new ChatTools.Result(JSON.writeValueAsString(order), "done", "order", order.id(),
                    order.number(), null, null, false);
            answer = say("assistant.chat.orderPlaced", locale, order.number(), order.gross(), order.currency());
        } catch (org.springframework.security.access.AccessDeniedException e) {
            result = new ChatTools.Result("{\"refused\":\"not allowed\"}", "refused", null, null, null, null, null,
                    false);
            answer = say("assistant.chat.orderNotAllowed", locale);
        } catch (app.comptoir.platform.ComptoirException e) {
            result = new ChatTools.Result(JSON.writeValueAsString(Map.of("error", e.getMessage())), "failed", null,
                    null, null, null, null, false);
            answer = say("assistant.chat.orderFailed", locale, e.getMessage());
        }
        record(tenant, id, new AssistantMessage.ToolCall("confirmation", "function", "confirmed_order", pendingJson),
                result, turn);
        return answer;
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

    /** The current user's conversations, or with {@code everyone} every staff member's (AUDIT_READ). */
    public List<ConversationSummary> conversations(boolean everyone) {
        permissions.require(everyone ? Permission.AUDIT_READ : Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        UUID user = everyone ? null : tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        if (!everyone && user == null) {
            return List.of();
        }
        return transaction.execute(status -> store.list(tenant, user, 100).stream().map(AssistantChat::summary)
                .toList());
    }

    /** One conversation with its messages: the user's own, or anyone's for who may read the audit trail. */
    public ConversationView conversation(UUID id) {
        permissions.require(Permission.READ);
        UUID tenant = tenantContext.requireTenant();
        UUID user = tenantContext.principal().map(ComptoirPrincipal::userId).orElse(null);
        boolean auditor = permissions.has(Permission.AUDIT_READ);
        return transaction.execute(status -> {
            ConversationStore.Conversation c = store.find(tenant, id)
                    .filter(found -> auditor || found.userId().equals(user))
                    .orElseThrow(() -> new NotFoundException("conversation", id));
            return new ConversationView(summary(c), store.messages(tenant, id).stream()
                    .map(m -> new ConversationView.Message(m.seq(), m.role(), m.content(), m.toolName(),
                            m.toolArguments(), m.toolOutcome(), m.documentKind(), m.documentId(),
                            m.documentNumber(), m.tokensIn(), m.tokensOut(), m.createdAt()))
                    .toList());
        });
    }

    private static ConversationSummary summary(ConversationStore.Conversation c) {
        return new ConversationSummary(c.id(), c.userId(), c.title(), c.tokens(), c.tokenBudget(),
                c.cost().setScale(6, RoundingMode.HALF_UP), c.pendingOrder() != null, c.createdAt(), c.updatedAt());
    }

    private static ChatAnswer.DraftedDocument document(String kind, UUID id, String number) {
        return new ChatAnswer.DraftedDocument(kind, id, number,
                ("quote".equals(kind) ? "/app/sales/quotes/" : "/app/sales/orders/") + id);
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
