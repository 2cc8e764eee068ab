package app.comptoir.assistant.application;

import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.ollama.management.ModelManagementOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import app.comptoir.assistant.domain.DescriptionPrompt;

/**
 * The chat models of the providers, built from a business's resolved settings rather than by Spring AI's
 * auto-configuration (which is not on the class path: nothing connects anywhere unless a provider is configured),
 * and kept per settings (their version is part of the key, so a change builds a new client). Each call has the
 * configured timeout and retries.
 */
@Component
public class ChatModels {

    /** What a provider answered: the text and the tokens it counted. */
    public record Answer(String text, int tokensIn, int tokensOut) {
    }

    private final Cache<ProviderConfig, ChatModel> models = Caffeine.newBuilder().maximumSize(500)
            .expireAfterAccess(Duration.ofHours(1)).build();

    /** Asks the provider for the prompt's answer; a failure after the retries is a {@link ProviderUnavailable}. */
    public Answer call(ProviderConfig config, DescriptionPrompt prompt) {
        ChatModel model = models.get(config, ChatModels::build);
        ChatResponse response;
        try {
            response = model.call(new Prompt(new SystemMessage(prompt.system()), new UserMessage(prompt.user())));
        } catch (RuntimeException e) {
            throw new ProviderUnavailable(config.kind().key(), e);
        }
        if (response == null || response.getResult() == null || response.getResult().getOutput().getText() == null
                || response.getResult().getOutput().getText().isBlank()) {
            throw new ProviderUnavailable(config.kind().key(), null);
        }
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        int in = usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
        int out = usage == null || usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        return new Answer(response.getResult().getOutput().getText().strip(), in, out);
    }

    /** The chat model of the provider (built once per settings), for the chat agent's own loop. */
    public ChatModel model(ProviderConfig config) {
        return models.get(config, ChatModels::build);
    }

    /**
     * The options of one chat call offering these tools, in the provider's own options type (so its model and
     * settings are kept); the model only asks for tools, the caller runs them.
     */
    public ChatOptions toolOptions(ProviderConfig config, List<ToolCallback> tools) {
        return switch (config.kind()) {
            case OPENAI -> {
                OpenAiChatOptions.Builder options = OpenAiChatOptions.builder();
                options.model(config.model());
                options.streamUsage(true); // a streamed answer ends with its usage, for the counters
                options.toolCallbacks(tools);
                yield options.build();
            }
            case OLLAMA -> OllamaChatOptions.builder().model(config.model()).toolCallbacks(tools).build();
            case BUILTIN -> throw new IllegalArgumentException("the built-in writer has no chat model");
        };
    }

    private static ChatModel build(ProviderConfig config) {
        return switch (config.kind()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .options(OpenAiChatOptions.builder()
                            .baseUrl(config.baseUrl())
                            // Local OpenAI-compatible servers take any key; the client insists on one.
                            .apiKey(config.apiKey() == null ? "none" : config.apiKey())
                            .model(config.model())
                            .timeout(config.timeout())
                            .maxRetries(config.maxRetries())
                            .build())
                    .build();
            case OLLAMA -> {
                SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
                requests.setConnectTimeout(config.timeout());
                requests.setReadTimeout(config.timeout());
                yield OllamaChatModel.builder()
                        .ollamaApi(OllamaApi.builder().baseUrl(config.baseUrl())
                                .restClientBuilder(RestClient.builder().requestFactory(requests)).build())
                        .options(OllamaChatOptions.builder().model(config.model()).build())
                        .retryTemplate(new RetryTemplate(RetryPolicy.builder().maxRetries(config.maxRetries())
                                .delay(Duration.ofMillis(500)).build()))
                        .modelManagementOptions(ModelManagementOptions.defaults())
                        .build();
            }
            case BUILTIN -> throw new IllegalArgumentException("the built-in writer has no chat model");
        };
    }
}
