package app.comptoir.assistant.application;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code comptoir.assistant.*} (see docs/assistant.md): the deployment's model provider
 * ({@code none}: the built-in writer, nothing is sent anywhere; {@code openai}: any OpenAI-compatible service;
 * {@code ollama}), its model, address and key, the timeout and retries of each call, the prices per thousand
 * tokens that the cost counters use (in {@code costCurrency}), whether a business may set its own provider, and
 * the key that encrypts the businesses' API keys (blank: one generated in the data directory) with the keys it
 * replaced.
 */
@ConfigurationProperties("comptoir.assistant")
public record AssistantSettings(@DefaultValue("none") String provider, String model, String baseUrl, String apiKey,
                                @DefaultValue("60s") Duration timeout, @DefaultValue("2") int maxRetries,
                                @DefaultValue("0") BigDecimal pricePer1kInputTokens,
                                @DefaultValue("0") BigDecimal pricePer1kOutputTokens,
                                @DefaultValue("USD") String costCurrency,
                                @DefaultValue("true") boolean businessProviders,
                                @DefaultValue("false") boolean businessPrivateAddresses,
                                String encryptionKey, @DefaultValue List<String> previousEncryptionKeys) {
}
