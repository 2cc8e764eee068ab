package app.comptoir.assistant.application;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.comptoir.assistant.domain.ChatPrompt;
import app.comptoir.assistant.domain.Costs;
import app.comptoir.assistant.domain.VisitorQuestions;
import app.comptoir.assistant.persistence.ConversationStore;
import app.comptoir.bookings.BookingDesk;
import app.comptoir.platform.InvalidInputException;
import app.comptoir.platform.NotFoundException;
import app.comptoir.platform.TenantContext;
import app.comptoir.platform.TextInput;

/**
 * The assistant of a business's public booking page: an anonymous visitor's question (with the few turns before it,
 * which the visitor's page sends back: nothing is stored) answered under that business's tenant by its provider with
 * the read-only {@link VisitorChatTools} only, or, without a provider, by a built-in answer from keywords that says
 * it is one. Each question may use {@code comptoir.assistant.chat.visitor-token-budget} tokens (all model calls
 * together); the tokens count in the business's usage like its other chats.
 */
@Service
public class VisitorChat {

    /** The longest question a visitor may send. */
    public static final int MAX_MESSAGE = 500;
    /** The most earlier turns a visitor's page may send back, and the longest of them. */
    public static final int MAX_HISTORY = 6;
    public static final int MAX_HISTORY_TEXT = 2000;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VisitorChat.class);

    /** An earlier turn sent back by the visitor's page: {@code user} or {@code assistant}, and its text. */
    public record Said(String role, String content) {
    }

    /**
     * The answer: its text, who wrote it ({@code builtin} without a provider), the model, the tokens used, and the
     * tools the model asked for with the server's outcome.
     */
    public record Answer(String answer, String provider, String model, int tokensIn, int tokensOut, int tokenBudget,
                         List<Tool> tools) {
    }

    /** A tool the model asked for and what the server did ({@code done}, {@code refused}, {@code failed}). */
    public record Tool(String name, String outcome) {
    }

    private final BookingDesk desk;
    private final VisitorChatTools tools;
    private final ProviderSettings settings;
    private final ChatSettings chat;
    private final ChatModels models;
    private final ConversationStore store;
    private final TenantContext tenantContext;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;
    private final int tokenBudget;

    VisitorChat(BookingDesk desk, VisitorChatTools tools, ProviderSettings settings, ChatSettings chat,
                ChatModels models, ConversationStore store, TenantContext tenantContext, MessageSource messages,
                PlatformTransactionManager transactions, java.time.Clock clock,
                @Value("${comptoir.assistant.chat.visitor-token-budget:8000}") int tokenBudget) {
        this.desk = desk;
        this.tools = tools;
        this.settings = settings;
        this.chat = chat;
        this.models = models;
        this.store = store;
        this.tenantContext = tenantContext;
        this.messages = messages;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.tokenBudget = tokenBudget;
    }

    /** The booking page's business (404 when the address has no booking page). */
    public BookingDesk.Business business(String slug) {
        return desk.business(slug).orElseThrow(() -> new NotFoundException("booking page", slug));
    }

    /**
     * Answers a visitor's question on the booking page at {@code slug}: 400 for an empty or too long question or
     * history, 404 for no booking page there, then {@code admitted} (the throttle, whose refusal is the caller's),
     * 503 when the provider does not answer.
     */
    public Answer answer(String slug, String message, List<Said> history, Locale locale, Runnable admitted) {
        String text = validated(message);
        List<Said> earlier = history(history);
        BookingDesk.Business business = business(slug);
        admitted.run();
        Locale language = Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        return tenantContext.callAs(business.tenantId(), () -> {
            ProviderConfig provider = settings.current();
            if (provider.kind() == ProviderKind.BUILTIN) {
                return new Answer(builtin(business, text, language), ProviderKind.BUILTIN.key(), null, 0, 0,
                        tokenBudget, List.of());
            }
            return converse(business, provider, text, earlier, language);
        });
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

    private static List<Said> history(List<Said> history) {
        if (history == null) {
            return List.of();
        }
        if (history.size() > MAX_HISTORY) {
            throw InvalidInputException.field("history", "at most " + MAX_HISTORY + " earlier messages");
        }
        for (Said s : history) {
            if (s == null || !("user".equals(s.role()) || "assistant".equals(s.role())) || s.content() == null
                    || s.content().length() > MAX_HISTORY_TEXT) {
                throw InvalidInputException.field("history", "each earlier message has a role (user or assistant) "
                        + "and a content of at most " + MAX_HISTORY_TEXT + " characters");
            }
        }
        return List.copyOf(history);
    }

    private Answer converse(BookingDesk.Business business, ProviderConfig provider, String text, List<Said> earlier,
                            Locale locale) {
        BookingDesk.OpeningHours hours = desk.openingHours(business.slug());
        List<Message> prompt = new ArrayList<>();
        prompt.add(new SystemMessage(ChatPrompt.visitor(business.name(), locale.getLanguage(),
                hours.today().toString(), business.zone())));
        for (Said s : earlier) {
            prompt.add("user".equals(s.role()) ? new UserMessage(s.content()) : new AssistantMessage(s.content()));
        }
        prompt.add(new UserMessage(text));
        ChatOptions options = models.toolOptions(provider, tools.offered());
        int tokensIn = 0;
        int tokensOut = 0;
        List<Tool> used = new ArrayList<>();
        for (int round = 0; round < chat.maxToolRounds(); round++) {
            ChatResponse response;
            try {
                response = models.model(provider).call(new Prompt(prompt, options));
            } catch (ProviderUnavailable e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("The assistant's provider {} failed for a booking page: {}", provider, e.toString());
                throw ProviderUnavailable.chat(provider.kind().key(), e);
            }
            if (response == null || response.getResult() == null) {
                throw ProviderUnavailable.chat(provider.kind().key(), null);
            }
            Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
            int in = usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
            int out = usage == null || usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
            tokensIn += in;
            tokensOut += out;
            BigDecimal cost = Costs.of(in, out, provider.pricePer1kIn(), provider.pricePer1kOut());
            java.time.Instant at = clock.instant();
            transaction.executeWithoutResult(s -> store.countTokens(business.tenantId(), in, out, cost, at));
            AssistantMessage output = response.getResult().getOutput();
            if (!output.hasToolCalls()) {
                String said = output.getText() == null ? "" : output.getText().strip();
                return new Answer(said.isEmpty() ? say("assistant.chat.noText", locale) : said,
                        provider.kind().key(), provider.model(), tokensIn, tokensOut, tokenBudget, List.copyOf(used));
            }
            prompt.add(output);
            List<ToolResponseMessage.ToolResponse> results = new ArrayList<>();
            for (AssistantMessage.ToolCall call : output.getToolCalls()) {
                ChatTools.Result result = tools.run(business.slug(), call.name(), call.arguments());
                used.add(new Tool(call.name(), result.outcome()));
                results.add(new ToolResponseMessage.ToolResponse(call.id(), call.name(), result.json()));
            }
            prompt.add(ToolResponseMessage.builder().responses(results).build());
            if (tokensIn + tokensOut >= tokenBudget) {
                return new Answer(say("assistant.visitor.budgetReached", locale), provider.kind().key(),
                        provider.model(), tokensIn, tokensOut, tokenBudget, List.copyOf(used));
            }
        }
        return new Answer(say("assistant.chat.tooManyRounds", locale), provider.kind().key(), provider.model(),
                tokensIn, tokensOut, tokenBudget, List.copyOf(used));
    }

    /** Without a provider: what the booking page knows about the question's subjects, and that it is built in. */
    String builtin(BookingDesk.Business business, String text, Locale locale) {
        Set<VisitorQuestions.Topic> topics = VisitorQuestions.topics(text);
        StringBuilder answer = new StringBuilder(say("assistant.visitor.builtin", locale));
        String slug = business.slug();
        if (topics.contains(VisitorQuestions.Topic.DOCUMENTS)) {
            answer.append("\n\n").append(business.whatToBring() != null
                    ? say("assistant.visitor.bring", locale, business.whatToBring())
                    : say("assistant.visitor.bringUnknown", locale));
        }
        if (topics.contains(VisitorQuestions.Topic.HOURS)) {
            BookingDesk.OpeningHours hours = desk.openingHours(slug);
            answer.append("\n\n").append(say("assistant.visitor.hours", locale, hours.zone()));
            for (BookingDesk.Resource r : hours.resources()) {
                answer.append("\n- ").append(r.name()).append(" :");
                for (int day = 1; day <= 7; day++) {
                    int d = day;
                    List<String> intervals = r.hours().stream().filter(h -> h.weekday() == d)
                            .map(h -> h.opensAt() + "–" + h.closesAt()).toList();
                    if (!intervals.isEmpty()) {
                        answer.append("\n  · ").append(DayOfWeek.of(day).getDisplayName(TextStyle.FULL, locale))
                                .append(' ').append(String.join(", ", intervals));
                    }
                }
            }
            for (BookingDesk.Closure c : hours.closures().stream().limit(5).toList()) {
                answer.append("\n").append(say("assistant.visitor.closed", locale, c.startsOn().toString(),
                        c.endsOn().toString(), c.label()));
            }
        }
        List<BookingDesk.Service> services = desk.services(slug);
        if (topics.contains(VisitorQuestions.Topic.PRICES)) {
            answer.append("\n\n").append(say("assistant.visitor.prices", locale));
            for (BookingDesk.Service s : services) {
                answer.append("\n- ").append(s.name()).append(" : ").append(s.price().toPlainString()).append(' ')
                        .append(s.currency()).append(" (").append(s.durationMinutes()).append(" min)");
            }
        }
        if (topics.contains(VisitorQuestions.Topic.SLOTS)) {
            answer.append("\n\n").append(say("assistant.visitor.slots", locale));
            for (BookingDesk.Service s : services.stream().limit(4).toList()) {
                List<BookingDesk.FreeSlot> next = desk.nextFreeSlots(slug, s.id(), 3);
                answer.append("\n- ").append(s.name()).append(" : ");
                answer.append(next.isEmpty() ? say("assistant.visitor.noSlot", locale)
                        : String.join(", ", next.stream().map(f -> f.day() + " " + f.time()).toList()));
                if (!next.isEmpty()) {
                    answer.append(" → ").append(next.getFirst().bookingPath());
                }
            }
        }
        if (business.contactPhone() != null) {
            answer.append("\n\n").append(say("assistant.visitor.phone", locale, business.contactPhone()));
        }
        return answer.toString();
    }

    private String say(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
